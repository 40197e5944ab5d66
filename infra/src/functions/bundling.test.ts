import { execFileSync } from 'node:child_process';
import { version as esbuildVersion } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { BUNDLE_AWS_SDK, BUNDLE_BANNER, esbuildOptionsFor, handlerBundling } from './bundling.js';
import { WORKSPACE_ROOT } from './handler-catalog.js';

describe('bundling settings', () => {
  it('NodejsFunction and the bundle report run the same esbuild version', () => {
    // NodejsFunction bundles locally with `pnpm exec -- esbuild …` in the project root (the workspace root).
    const cdkEsbuild = execFileSync('pnpm', ['exec', '--', 'esbuild', '--version'], { cwd: WORKSPACE_ROOT, encoding: 'utf8' }).trim();
    expect(cdkEsbuild).toBe(esbuildVersion);
  });

  it('minifies an ESM bundle for Node 22 with a linked source map, AWS SDK bundled', () => {
    const options = esbuildOptionsFor('/x/entry.ts', '/out/index.mjs');
    expect(options).toMatchObject({ bundle: true, minify: true, format: 'esm', target: 'node22', platform: 'node', sourcemap: true });
    expect(BUNDLE_AWS_SDK).toBe(true);
    expect(options.external).toEqual([]);
  });

  it('the report bundles with the same banner, define, target and fields as the NodejsFunctions', () => {
    const cdk = handlerBundling();
    const options = esbuildOptionsFor('/x/entry.ts', '/out/index.mjs');
    expect(options.banner).toEqual({ js: cdk.banner });
    expect(cdk.banner).toBe(BUNDLE_BANNER);
    expect(options.define).toEqual(cdk.define);
    expect(options.define).toBeUndefined(); // no module of ours or a package needs a `__dirname` stand-in
    expect(options).toMatchObject({ minify: cdk.minify, target: cdk.target, format: cdk.format, mainFields: cdk.mainFields });
    expect(cdk.commandHooks?.afterBundling('/in', '/out').join('\n')).toMatch(/timezones\.bson/);
  });
});
