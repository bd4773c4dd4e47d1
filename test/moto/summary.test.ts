import { afterEach, describe, expect, it, vi } from 'vitest';
import setup from './global-setup.js';
import { recordMoto } from './moto.js';

/** The closing summary line, from the records the moto suites leave (runs with or without moto). */
function summary(records: Parameters<typeof recordMoto>[0][]): string {
  const teardown = setup();
  for (const r of records) recordMoto(r);
  const out: string[] = [];
  const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    out.push(String(chunk));
    return true;
  });
  try {
    teardown();
  } finally {
    write.mockRestore();
  }
  return out.join('');
}

describe('the moto line in the closing summary', () => {
  const saved = process.env.MOTO_FIGURES;
  afterEach(() => {
    process.env.MOTO_FIGURES = saved;
  });

  it('counts the passing checks', () => {
    expect(summary([{ check: 'a' }, { check: 'b' }, { check: 'c' }])).toBe('moto conformance: 3 checks passed against an independent EC2 (moto)\n');
  });

  it('says once why the suites skipped, however many files skipped', () => {
    const reason = 'python3 not found (ENOENT)';
    expect(summary([{ skipped: reason }, { skipped: reason }])).toBe(`moto conformance: skipped — ${reason}; pip install "moto[server]" to run it\n`);
  });

  it('prints nothing when no moto suite was part of the run', () => {
    expect(summary([])).toBe('');
  });
});
