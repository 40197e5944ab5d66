// @vitest-environment node
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from 'wxt';

/**
 * The Chrome Web Store package's manifest, from a real production build (`wxt build`, into a temporary directory so
 * this test runs alone and never disturbs `.output`).
 */
let baseDir: string;
let outDir: string;
let manifest: {
  permissions?: string[];
  host_permissions?: string[];
  optional_permissions?: string[];
  icons?: Record<string, string>;
  description?: string;
  content_scripts?: { matches: string[] }[];
  web_accessible_resources?: { matches: string[] }[];
  storage?: { managed_schema?: string };
  key?: string;
};
let code: string;

/**
 * How each permission shows in the built code (minified code keeps browser API property names). A permission not
 * listed here fails the test until its use is named (and justified in docs/store-listing.md).
 */
const PERMISSION_USES: Record<string, RegExp> = {
  storage: /\bstorage\.(local|session)\b/,
  alarms: /\balarms\.(create|get|onAlarm)\b/,
  notifications: /\bnotifications\.create\b/,
  sidePanel: /\bsidePanel\b/,
  identity: /\bidentity\.(launchWebAuthFlow|getRedirectURL)\b/,
};

beforeAll(async () => {
  baseDir = await mkdtemp(join(tmpdir(), 'vfc-manifest-'));
  outDir = join(baseDir, 'chrome-mv3');
  await build({ root: join(import.meta.dirname, '..'), mode: 'production', outDir: baseDir, logger: { ...console, debug: () => undefined, info: () => undefined, success: () => undefined } as never });
  manifest = JSON.parse(await readFile(join(outDir, 'manifest.json'), 'utf8'));
  const files = (await readdir(outDir, { recursive: true })).filter((f) => f.endsWith('.js'));
  code = (await Promise.all(files.map((f) => readFile(join(outDir, f), 'utf8')))).join('\n');
}, 120_000);

afterAll(async () => {
  if (baseDir) await rm(baseDir, { recursive: true, force: true });
});

describe('production manifest', () => {
  it('names no localhost or loopback host anywhere', () => {
    expect(JSON.stringify(manifest)).not.toMatch(/localhost|127\.0\.0\.1|\[::1\]/);
  });

  it('asks for no host permissions and only permissions the code uses', () => {
    expect(manifest.host_permissions ?? []).toEqual([]);
    expect(manifest.optional_permissions ?? []).toEqual([]);
    for (const permission of manifest.permissions ?? []) {
      const use = PERMISSION_USES[permission];
      expect(use, `permission "${permission}" has no known use`).toBeDefined();
      expect(code, `permission "${permission}" is not used by the built code`).toMatch(use!);
    }
  });

  it('runs the content script on the IDEXX Neo hosts only', () => {
    const hosts = ['https://*.idexxneo.com/*', 'https://*.idexxneocloud.com/*', 'https://*.neosuite.com/*', 'https://neo.vet/*'];
    expect(manifest.content_scripts?.flatMap((c) => c.matches).sort()).toEqual(hosts);
    expect(manifest.web_accessible_resources?.flatMap((r) => r.matches).sort()).toEqual(hosts);
  });

  it('carries every store icon size, each file present and a PNG', async () => {
    expect(Object.keys(manifest.icons ?? {}).sort()).toEqual(['128', '16', '32', '48']);
    for (const file of Object.values(manifest.icons ?? {})) {
      const bytes = await readFile(join(outDir, file));
      expect(bytes.subarray(1, 4).toString('latin1'), file).toBe('PNG');
      expect((await stat(join(outDir, file))).size).toBeGreaterThan(0);
    }
  });

  it("ships the managed-storage schema IT presets the API URL, issuer and client id with", async () => {
    const schema = JSON.parse(await readFile(join(outDir, manifest.storage?.managed_schema ?? 'missing'), 'utf8'));
    expect(Object.keys(schema.properties).sort()).toEqual(['apiUrl', 'clientId', 'issuer']);
  });

  it('carries no manifest key (the store assigns the id; only development builds pin one)', () => {
    expect(manifest.key).toBeUndefined();
  });

  it('has a store description within Chrome\'s 132 characters', () => {
    expect(manifest.description?.length).toBeGreaterThan(20);
    expect(manifest.description!.length).toBeLessThanOrEqual(132);
  });
});
