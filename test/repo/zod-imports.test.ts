import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { trackedFiles } from './repo-hygiene.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * `import { z } from 'zod'` takes zod's whole namespace object as a value, which esbuild cannot tree-shake: every
 * Lambda bundle then carries all of zod (~440 kB minified with every locale) instead of the ~90 kB it uses.
 * `import * as z from 'zod'` lets the bundler keep only the members used.
 */
const NAMESPACE_VALUE_IMPORT = /import\s*\{\s*z\b[^}]*\}\s*from\s*'zod(?:\/[a-z0-9/]+)?'/;

describe('zod imports in shipped code', () => {
  it("the pattern catches a named import of z and lets the namespace import through", () => {
    expect(["import { z } from 'zod';", "import { z, type ZodType } from 'zod';", "import * as z from 'zod';"].map((line) => NAMESPACE_VALUE_IMPORT.test(line))).toEqual([
      true,
      true,
      false,
    ]);
  });

  it("no module of shared, backend or extension imports zod's namespace object by name", () => {
    const offenders = trackedFiles(ROOT)
      .filter((file) => /^(shared|backend|extension)\/.*\.tsx?$/.test(file) && !file.includes('node_modules'))
      .filter((file) => NAMESPACE_VALUE_IMPORT.test(readFileSync(path.join(ROOT, file), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
