import { defineConfig } from 'vitest/config';

/**
 * One vitest run, several projects. `pnpm test:unit` runs the fast ones; `e2e` needs a built extension and
 * Chromium, and runs in `pnpm test:e2e`.
 */
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'shared', root: './shared', include: ['src/**/*.test.ts'] } },
      {
        test: {
          name: 'backend',
          root: './backend',
          include: ['src/**/*.test.ts'],
          globalSetup: ['./src/local/test-support/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      { test: { name: 'infra', root: './infra', include: ['src/**/*.test.ts', 'test/**/*.test.ts'], testTimeout: 120_000 } },
      './extension/vitest.config.ts',
      // Repository hygiene (what no tracked source or doc file may contain) and the cross-package test tooling.
      { test: { name: 'repo', root: './test', include: ['repo/**/*.test.ts', 'support/**/*.test.ts'] } },
      {
        test: {
          name: 'api',
          root: './test',
          include: ['api/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        // `pnpm test:faults`: bursts under each fault mode, a crash-restart, generated bad requests.
        test: {
          name: 'faults',
          root: './test',
          include: ['faults/**/*.test.ts', 'bench/**/*.test.ts'],
          testTimeout: 240_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e',
          root: './test',
          include: ['e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
