/** Registers a suite only where moto can run, and counts its passing tests for the closing summary. */
import { beforeEach, describe, onTestFinished } from 'vitest';
import { motoAvailability, recordMoto } from './moto.js';

/**
 * A suite that needs moto: registered only when moto can run here (else one skip line in the summary);
 * each passing test counts as one conformance check in the summary.
 */
// A moto call is a round trip to a Python process: on a loaded machine one test's dozens of calls can take far longer
// than the suite-wide 20 s guard, which measures nothing about the code under test.
const MOTO_TEST_TIMEOUT_MS = 120_000;

export function describeWithMoto(name: string, body: () => void): void {
  const moto = motoAvailability();
  if (!moto.available) recordMoto({ skipped: moto.reason });
  describe.runIf(moto.available)(name, { timeout: MOTO_TEST_TIMEOUT_MS }, () => {
    beforeEach(() => {
      onTestFinished(({ task }) => {
        if (task.result?.state === 'pass') recordMoto({ check: task.name });
      });
    });
    body();
  });
}
