/** Counts the reliability suite reports at the end of the run (test/reliability/global-setup.ts prints them). */
import { appendFileSync } from 'node:fs';

export type Figure = 'cases fuzzed' | 'forged requests' | 'races run' | 'faults injected' | 'duplicates found';

export function count(figure: Figure, n = 1): void {
  const file = process.env.RELIABILITY_FIGURES;
  if (file) appendFileSync(file, `${JSON.stringify({ figure, n })}\n`);
}
