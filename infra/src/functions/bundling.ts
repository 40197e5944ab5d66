import { LogLevel, OutputFormat, type BundlingOptions } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { BuildOptions } from 'esbuild';
import { DATA_FILE_HOOKS } from './runtime-data.js';

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

/** The whole banner: the `require` above. */
export const BUNDLE_BANNER = ESM_REQUIRE_BANNER;

/** Package entry fields esbuild prefers, ESM first. */
export const MAIN_FIELDS = ['module', 'main'];

/**
 * `NodejsFunction` bundling of every handler: minified ESM for Node 22 with a linked source map, AWS SDK bundled,
 * the {@link BUNDLE_BANNER}, and the phone-zone data file copied after bundling (`runtime-data.ts`).
 */
export function handlerBundling(): BundlingOptions {
  return {
    minify: true,
    sourceMap: true,
    sourcesContent: false,
    target: BUNDLE_TARGET,
    format: OutputFormat.ESM,
    mainFields: MAIN_FIELDS,
    banner: BUNDLE_BANNER,
    bundleAwsSDK: BUNDLE_AWS_SDK,
    logLevel: LogLevel.WARNING,
    commandHooks: DATA_FILE_HOOKS,
  };
}

/**
 * The esbuild options that reproduce `NodejsFunction`'s bundling of one handler with {@link handlerBundling}
 * (see {@link BUNDLE_AWS_SDK}); `bundling` may override its `define` (tests of the bundle report).
 * `outfile` is `index.mjs`, as in the Lambda asset; nothing is written when `write: false`. The after-bundling copy
 * is not esbuild's: run `bundling.commandHooks.afterBundling` for it.
 */
export function esbuildOptionsFor(entry: string, outfile: string, bundling: Pick<BundlingOptions, 'define'> = handlerBundling()): BuildOptions {
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
    banner: { js: BUNDLE_BANNER },
    ...(bundling.define ? { define: { ...bundling.define } } : {}),
    external: BUNDLE_AWS_SDK ? [] : ['@aws-sdk/*'],
    logLevel: 'warning',
  };
}
