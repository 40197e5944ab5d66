import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * Where each local stack of the api / faults / e2e runs saves the AWS requests its handlers sent (gitignored); the IAM
 * simulation test (infra) checks them against the synthesized roles.
 */
const awsCallRecordings = { VFC_AWS_CALLS_DIR: fileURLToPath(new URL('./test/artifacts/aws-calls', import.meta.url)) };

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
          env: awsCallRecordings,
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
          env: awsCallRecordings,
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
          env: awsCallRecordings,
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
