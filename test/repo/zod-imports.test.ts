import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { trackedFiles } from './repo-hygiene.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The one module that imports zod itself: it picks `zod/mini` and installs zod's English messages. */
const ZOD_MODULE = 'shared/src/zod.ts';

/**
 * An import of zod from anywhere but {@link ZOD_MODULE}. Such a module would either bring zod's classic API back into
 * a bundle (~90 kB minified beside mini's ~45 kB, and slower schema construction at cold start) or parse with
 * `zod/mini` before the English messages are installed ("Invalid input" instead of zod's message).
 */
const DIRECT_ZOD_IMPORT = /from\s*'zod(?:\/[a-z0-9/.-]+)?'/;

/**
 * `import { z } from …` takes a namespace object as a value, which esbuild cannot tree-shake: the bundle would carry
 * every export of zod. `import * as z from …` lets the bundler keep only the members used.
 */
const NAMESPACE_VALUE_IMPORT = /import\s*\{\s*z\b[^}]*\}\s*from\s*'[^']*zod[^']*'/;

const shippedModules = () =>
  trackedFiles(ROOT).filter((file) => /^(shared|backend|extension)\/.*\.tsx?$/.test(file) && !file.includes('node_modules'));

describe('zod imports in shipped code', () => {
  it('the patterns catch direct zod imports and named imports of z, and let the project module through', () => {
    const lines = [
      "import * as z from 'zod';",
      "import * as z from 'zod/mini';",
      "import * as z from '../zod.js';",
      "import { z } from '@vfc/shared/zod';",
    ];
    expect(lines.map((line) => DIRECT_ZOD_IMPORT.test(line))).toEqual([true, true, false, false]);
    expect(lines.map((line) => NAMESPACE_VALUE_IMPORT.test(line))).toEqual([false, false, false, true]);
  });

  it(`no module of shared, backend or extension but ${ZOD_MODULE} imports zod itself`, () => {
    const offenders = shippedModules()
      .filter((file) => file !== ZOD_MODULE)
      .filter((file) => DIRECT_ZOD_IMPORT.test(readFileSync(path.join(ROOT, file), 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('no module of shared, backend or extension imports a zod namespace object by name', () => {
    const offenders = shippedModules().filter((file) => NAMESPACE_VALUE_IMPORT.test(readFileSync(path.join(ROOT, file), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
