import { configDefaults, defineConfig } from 'vitest/config';

/**
 * Two projects. `fast` (npm test) holds every suite that runs on clocks the tests move. `slow` (npm run test:slow,
 * run by CI after npm test) holds what takes wall-clock time by design: suites that spawn `npm start` and talk to
 * it over HTTP (*.e2e.test.ts), that run on the real clock or spawn a CLI (*.slow.test.ts), and the moto
 * conformance suites (test/moto, each against a moto server it starts).
 */
const SLOW = ['test/**/*.e2e.test.ts', 'test/**/*.slow.test.ts', 'test/moto/**/*.test.ts'];

export default defineConfig({
  test: {
    setupFiles: ['test/setup.ts'],
    env: {
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    },
    // Guards against a hang, not assertions on speed: on a loaded two-core machine (two CPU hogs beside CI) a
    // property test's 300 cases or a moto suite's dozens of calls took over 20 s. Timing is asserted on clocks.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Each project prints its own summary line once its files have run: the reliability figures, the moto checks.
    projects: [
      {
        extends: true,
        test: {
          name: 'fast',
          include: ['test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...SLOW],
          globalSetup: ['test/reliability/global-setup.ts'],
        },
      },
      { extends: true, test: { name: 'slow', include: SLOW, globalSetup: ['test/moto/global-setup.ts'] } },
    ],
  },
});
