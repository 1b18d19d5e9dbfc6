import type { Config } from 'jest';

/**
 * One Temporal dev server and one workflow bundle are shared by the whole run (global set-up), so
 * test files stay cheap; each file starts its own emulator and worker on its own task queue.
 */
const config: Config = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
  globalSetup: '<rootDir>/test/setup/global-setup.ts',
  globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
  testTimeout: 120_000,
  maxWorkers: 2,
};

export default config;
