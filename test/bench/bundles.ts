import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { esbuildOptionsFor } from '../../infra/src/functions/bundling.js';
import { handlerEntry, handlerNames } from '../../infra/src/functions/handler-catalog.js';
import { percentile, round } from './stats.js';

/** One Lambda bundle's figures (named as in bench/README.md). */
export interface BundleResult {
  name: string;
  /** Size of the minified index.mjs, bytes (what NodejsFunction deploys, source map excluded). */
  minifiedBytes: number;
  /** Median time to `import()` the bundle in a fresh Node process, real ms. */
  coldImportMs: number;
  /** The same for a bundle of an empty handler built with the same options (Node's own floor). */
  emptyHandlerColdImportMs: number;
  /** Minified size of the floor handler (the DynamoDB document client and nothing else, same options), bytes. */
  floorMinifiedBytes: number;
  /** Median cold import of the floor handler in the same run, real ms. */
  floorColdImportMs: number;
  /** `minifiedBytes − floorMinifiedBytes`: what is ours on top of the AWS SDK floor, bytes. */
  overFloorBytes: number;
  /** `coldImportMs / floorColdImportMs`, two decimals. */
  coldImportRatio: number;
}

/**
 * The floor: a handler that only builds the DynamoDB document client, as every table-backed handler does. What the
 * deployed handlers weigh or cost above it is ours to cut.
 */
export const FLOOR_HANDLER_SOURCE = [
  "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
  "import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';",
  'const documents = DynamoDBDocumentClient.from(new DynamoDBClient({}));',
  'export const handler = async (event) => documents.send(new GetCommand({ TableName: process.env.TABLE_NAME, Key: { pk: String(event.pk), sk: String(event.sk) } }));',
  '',
].join('\n');

/** One handler's figures beside the floor's. Pure. */
export function againstFloor(
  handler: Pick<BundleResult, 'name' | 'minifiedBytes' | 'coldImportMs' | 'emptyHandlerColdImportMs'>,
  floor: { minifiedBytes: number; coldImportMs: number },
): BundleResult {
  return {
    ...handler,
    floorMinifiedBytes: floor.minifiedBytes,
    floorColdImportMs: floor.coldImportMs,
    overFloorBytes: handler.minifiedBytes - floor.minifiedBytes,
    coldImportRatio: round(handler.coldImportMs / floor.coldImportMs, 2),
  };
}

/** Bundles are written inside backend/ so their externals (if any) resolve from backend's node_modules, as in the asset. */
const OUT_DIR = fileURLToPath(new URL('../../backend/.bench-bundles/', import.meta.url));

/** Environment a handler module may read while loading (values are placeholders: nothing is called). */
const HANDLER_ENV = {
  TABLE_NAME: 'bench',
  SCHEDULE_GROUP_NAME: 'bench',
  DIALER_TARGET_ARN: 'arn:aws:lambda:us-east-1:000000000000:function:bench',
  SCHEDULER_ROLE_ARN: 'arn:aws:iam::000000000000:role/bench',
  PROVIDER_EVENT_FUNCTION_ARN: 'arn:aws:lambda:us-east-1:000000000000:function:bench-apply-provider-event',
  RETELL_API_KEY: 'bench',
  AWS_REGION: 'us-east-1',
  POWERTOOLS_DEV: 'false',
};

/**
 * Builds every deployed handler (the infra handler catalog) with the exact esbuild options of the CDK stack, then
 * imports each bundle `runs` times, each in a fresh `node` process, and reports the median import time beside an empty
 * handler's.
 */
export async function runBundles(options: { runs?: number; log?: (line: string) => void } = {}): Promise<BundleResult[]> {
  const runs = options.runs ?? 5;
  rmSync(OUT_DIR, { recursive: true, force: true });
  mkdirSync(OUT_DIR, { recursive: true });
  const emptyEntry = join(OUT_DIR, 'empty-handler.ts');
  writeFileSync(emptyEntry, 'export const handler = async () => ({ statusCode: 200 });\n');
  const emptyFile = await bundle(emptyEntry, 'empty-handler');
  const emptyMs = coldImport(emptyFile, runs);
  const floorEntry = join(OUT_DIR, 'floor-handler.mjs');
  writeFileSync(floorEntry, FLOOR_HANDLER_SOURCE);
  const floorFile = await bundle(floorEntry, 'floor-handler');
  const floor = { minifiedBytes: statSync(floorFile).size, coldImportMs: coldImport(floorFile, runs) };
  options.log?.(`bundles: floor (DynamoDB document client only) ${round(floor.minifiedBytes / 1000, 1)} kB, import ${floor.coldImportMs} ms`);

  const results: BundleResult[] = [];
  for (const name of handlerNames()) {
    const file = await bundle(handlerEntry(name), name);
    const coldImportMs = coldImport(file, runs);
    results.push(againstFloor({ name, minifiedBytes: statSync(file).size, coldImportMs, emptyHandlerColdImportMs: emptyMs }, floor));
    options.log?.(`bundles: ${name} ${round(statSync(file).size / 1000, 1)} kB, import ${coldImportMs} ms`);
  }
  rmSync(OUT_DIR, { recursive: true, force: true });
  return results;
}

async function bundle(entry: string, name: string): Promise<string> {
  const outfile = join(OUT_DIR, name, 'index.mjs');
  await build({ ...esbuildOptionsFor(entry, outfile), logLevel: 'silent' });
  return outfile;
}

/** Median `import()` time (ms) of `file` over `runs` fresh processes. */
function coldImport(file: string, runs: number): number {
  const script = `const t = performance.now(); await import(${JSON.stringify(file)}); process.stdout.write(String(performance.now() - t));`;
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const out = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...HANDLER_ENV },
      encoding: 'utf8',
    });
    if (out.status !== 0) throw new Error(`importing ${file} failed: ${out.stderr.slice(0, 500)}`);
    times.push(Number(out.stdout));
  }
  return round(percentile(times, 50), 1);
}

/** The production content script's figures (what loads on every Neo page). */
export interface ContentScriptResult {
  /** Size of `content-scripts/neo.js` in the production build (`wxt build`, minified), bytes. */
  minifiedBytes: number;
}

const EXTENSION_DIR = fileURLToPath(new URL('../../extension/', import.meta.url));

/** Builds the production extension (`wxt build` → `extension/.output/chrome-mv3`) and measures its content script. */
export function runContentScript(options: { log?: (line: string) => void } = {}): ContentScriptResult {
  const out = spawnSync('pnpm', ['exec', 'wxt', 'build'], { cwd: EXTENSION_DIR, encoding: 'utf8' });
  if (out.status !== 0) throw new Error(`wxt build failed: ${(out.stderr || out.stdout).slice(-800)}`);
  const minifiedBytes = statSync(join(EXTENSION_DIR, '.output/chrome-mv3/content-scripts/neo.js')).size;
  options.log?.(`bundles: production content script ${round(minifiedBytes / 1000, 1)} kB`);
  return { minifiedBytes };
}
