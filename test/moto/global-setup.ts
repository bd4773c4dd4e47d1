/** Prints the moto conformance line once every test file has run: how many checks passed, or why it skipped. */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const SKIP_HINT = `pip install "moto[server]"`;

export default function setup(): () => void {
  const dir = mkdtempSync(path.join(tmpdir(), 'privatelink-moto-'));
  const file = path.join(dir, 'moto.jsonl');
  process.env.MOTO_FIGURES = file;
  return () => {
    const lines = existsSync(file)
      ? readFileSync(file, 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((l) => JSON.parse(l) as { check?: string; skipped?: string })
      : [];
    rmSync(dir, { recursive: true, force: true });
    const checks = lines.filter((l) => l.check).length;
    const skipped = lines.find((l) => l.skipped)?.skipped;
    // Only when a moto suite was part of the run.
    if (skipped) process.stdout.write(`moto conformance: skipped — ${skipped}; ${SKIP_HINT} to run it\n`);
    else if (checks > 0) process.stdout.write(`moto conformance: ${checks} checks passed against an independent EC2 (moto)\n`);
  };
}
