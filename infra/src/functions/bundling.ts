import type { BuildOptions } from 'esbuild';

/**
 * How every handler is bundled — one definition used by the CDK `NodejsFunction`s and by the bundle report, so
 * the report measures exactly what is deployed.
 *
 * Decision on the AWS SDK: it is BUNDLED (not left external for the Lambda runtime's copy). The runtime's SDK
 * version is whatever AWS ships that month; bundling runs the exact `@aws-sdk/*` versions pinned in the lock file
 * and tested locally, and esbuild keeps only the commands we import (~360 kB minified for DynamoDB + Scheduler).
 */
export const BUNDLE_AWS_SDK = true;

/** esbuild target: the Lambda runtime is Node.js 22 on arm64 (Graviton); the arch does not change JS output. */
export const BUNDLE_TARGET = 'node22';

/**
 * Output is ESM (our code and middy 6 are ESM). Some CommonJS dependencies call `require` at run time, which ESM
 * lacks, so the bundle starts with a `require` made by `createRequire` (the pattern Powertools' docs give).
 */
export const ESM_REQUIRE_BANNER =
  "import { createRequire as __vfcCreateRequire } from 'node:module'; const require = __vfcCreateRequire(import.meta.url);";

/** Package entry fields esbuild prefers, ESM first. */
export const MAIN_FIELDS = ['module', 'main'];

/**
 * The esbuild options that reproduce `NodejsFunction`'s bundling of one handler (see {@link BUNDLE_AWS_SDK}).
 * `outfile` is `index.mjs`, as in the Lambda asset; nothing is written when `write: false`.
 */
export function esbuildOptionsFor(entry: string, outfile: string): BuildOptions {
  return {
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    target: BUNDLE_TARGET,
    format: 'esm',
    minify: true,
    sourcemap: true, // esbuild's CLI `--sourcemap`, as NodejsFunction passes it: a linked .map file
    sourcesContent: false,
    mainFields: MAIN_FIELDS,
    banner: { js: ESM_REQUIRE_BANNER },
    external: BUNDLE_AWS_SDK ? [] : ['@aws-sdk/*'],
    logLevel: 'warning',
  };
}
