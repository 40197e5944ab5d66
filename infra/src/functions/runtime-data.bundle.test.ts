import { execFile } from 'node:child_process';
import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { App, Stack } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handlerBundling } from './bundling.js';
import { WORKSPACE_ROOT } from './handler-catalog.js';
import { RUNTIME_DATA_FILES, bundledDataPath } from './runtime-data.js';

/**
 * Smoke test of what a deployed bundle ships for the phone-zone lookup: a tiny entry importing the backend's real
 * `lookupRecipientZones` is bundled by a real `NodejsFunction` with the stack's `handlerBundling()` (esbuild, banner,
 * after-bundling copy — exactly the handlers' code path), then its asset is run by a fresh `node` process
 * from a folder with no node_modules above it, as Lambda would run `/var/task/index.mjs`.
 */
const run = promisify(execFile);
const entry = fileURLToPath(new URL('./__fixtures__/zone-lookup-entry.ts', import.meta.url));

let outdir: string;
let asset: string;

/** Imports `<dir>/index.mjs` in a new Node process and calls its handler; prints the zones or the error's name. */
async function invoke(dir: string, phoneNumber: string): Promise<string> {
  const script =
    'const m = await import(process.argv[1]);' +
    'try { console.log(JSON.stringify(await m.handler({ phoneNumber: process.argv[2] }))); } catch (e) { console.log(e.name); }';
  // No NODE_PATH, as in Lambda: pnpm's shims set one that reaches every installed package (the data file included).
  const { NODE_PATH: _shimPath, ...env } = process.env;
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script, join(dir, 'index.mjs'), phoneNumber], { cwd: dir, env });
  return stdout.trim();
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name))).sort();
}

beforeAll(async () => {
  outdir = await mkdtemp(join(tmpdir(), 'vfc-zone-bundle-'));
  const app = new App({ outdir });
  new NodejsFunction(new Stack(app, 'ZoneLookupBundle'), 'Fn', {
    entry,
    handler: 'handler',
    runtime: lambda.Runtime.NODEJS_22_X,
    projectRoot: WORKSPACE_ROOT,
    depsLockFilePath: `${WORKSPACE_ROOT}pnpm-lock.yaml`,
    bundling: handlerBundling(),
  });
  app.synth();
  const assets = (await readdir(outdir)).filter((name) => name.startsWith('asset.'));
  expect(assets).toHaveLength(1);
  asset = join(outdir, assets[0]!);
}, 120_000);

afterAll(async () => {
  if (outdir) await rm(outdir, { recursive: true, force: true });
});

describe('a handler-style bundle of the phone-zone lookup', () => {
  it('ships index.mjs, its source map and timezones.bson only (no geocodes, carrier data or node_modules)', async () => {
    expect(await filesUnder(asset)).toEqual(
      ['index.mjs', 'index.mjs.map', ...RUNTIME_DATA_FILES.map((d) => relative(asset, bundledDataPath(asset, d)))].sort(),
    );
  });

  it('finds the zone of a San Francisco number in a fresh Node process', async () => {
    // The output is the zones as JSON, or the error's name.
    expect(await invoke(asset, '+14155550123')).toMatch(/^\[.*"America\/Los_Angeles".*\]$/);
  });

  it('fails loudly (PhoneZoneDataMissingError) when the copied data file is missing — it is the file read', async () => {
    const copy = await mkdtemp(join(tmpdir(), 'vfc-zone-bundle-nodata-'));
    try {
      await cp(asset, copy, { recursive: true });
      for (const data of RUNTIME_DATA_FILES) await rm(bundledDataPath(copy, data));
      expect(await invoke(copy, '+14155550123')).toBe('PhoneZoneDataMissingError');
    } finally {
      await rm(copy, { recursive: true, force: true });
    }
  });
});
