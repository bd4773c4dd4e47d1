import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/setup.ts'],
    globalSetup: ['test/reliability/global-setup.ts', 'test/moto/global-setup.ts'],
    env: {
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    },
    // Guards against a hang, not assertions on speed: on a loaded two-core machine (two CPU hogs beside CI) a
    // property test's 300 cases or a moto suite's dozens of calls took over 20 s. Timing is asserted on clocks.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
