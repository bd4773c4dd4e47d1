/** Prints the reliability figures once every test file has run. */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export default function setup(): () => void {
  const dir = mkdtempSync(path.join(tmpdir(), 'privatelink-figures-'));
  const file = path.join(dir, 'figures.jsonl');
  process.env.RELIABILITY_FIGURES = file;
  return () => {
    const totals: Record<string, number> = { 'cases fuzzed': 0, 'forged requests': 0, 'races run': 0, 'faults injected': 0, 'duplicates found': 0 };
    if (existsSync(file)) {
      for (const line of readFileSync(file, 'utf8').split('\n').filter(Boolean)) {
        const { figure, n } = JSON.parse(line) as { figure: string; n: number };
        totals[figure] = (totals[figure] ?? 0) + n;
      }
    }
    rmSync(dir, { recursive: true, force: true });
    process.stdout.write(
      `\nReliability: ${Object.entries(totals)
        .map(([k, v]) => `${v} ${k}`)
        .join(', ')}\n`,
    );
  };
}
