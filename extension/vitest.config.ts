import { defineProject } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

/**
 * Unit tests of the extension: WXT's plugin provides the auto-imports, `import.meta.env` and the in-memory
 * `fakeBrowser` (wxt/testing/fake-browser), reset per test in `test-setup.ts`.
 */
export default defineProject({
  plugins: [WxtVitest({ root: import.meta.dirname })],
  test: {
    name: 'extension',
    root: import.meta.dirname,
    environment: 'happy-dom',
    include: ['lib/**/*.test.ts', 'lib/**/*.test.tsx', 'components/**/*.test.tsx', 'components/**/*.test.ts', 'build/**/*.test.ts'],
    setupFiles: ['./test-setup.ts'],
  },
});
