import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { RUNTIME_DATA_FILES, bundledDataPath } from '../src/functions/runtime-data.js';
import { synthesize, type Synthesized } from './support/synth.js';

const PROD_ORIGIN = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
let s: Synthesized;
beforeAll(() => {
  // The app applies AwsSolutionsChecks itself (as on every `cdk synth`). Prod, with real bundling: what ships.
  s = synthesize({ context: { stage: 'prod', extensionOrigin: PROD_ORIGIN, alarmEmail: 'ops@example.com' }, bundle: true });
}, 300_000);

/** Findings of both packs the app applies: AwsSolutions and Serverless. */
const NAG_FINDING = Match.stringLikeRegexp('(AwsSolutions|Serverless)-.*');

describe('cdk-nag AwsSolutions and Serverless packs', () => {
  it.each(['backupCopy', 'stateful', 'stateless'] as const)('%s stack: no unsuppressed error', (which) => {
    const errors = Annotations.fromStack(s[which]!).findError('*', NAG_FINDING);
    expect(errors.map((e) => `${e.id}: ${String(e.entry.data).slice(0, 160)}`)).toEqual([]);
  });

  it.each(['backupCopy', 'stateful', 'stateless'] as const)('%s stack: no unsuppressed warning', (which) => {
    const warnings = Annotations.fromStack(s[which]!).findWarning('*', NAG_FINDING);
    expect(warnings.map((w) => `${w.id}: ${String(w.entry.data).slice(0, 160)}`)).toEqual([]);
  });
});

describe('bundled assets', () => {
  it('every function asset holds a minified ESM index.mjs, its source map and the phone-zone data only', () => {
    const functions = Object.values(s.statelessTemplate.findResources('AWS::Lambda::Function'));
    const manifest = JSON.parse(readFileSync(join(s.outdir, `${s.stateless.artifactId}.assets.json`), 'utf8')) as {
      files: Record<string, { source: { path: string } }>;
    };
    expect(functions.length).toBeGreaterThan(0);
    for (const fn of functions) {
      const key = String(fn.Properties.Code.S3Key).replace(/\.zip$/, '');
      const asset = manifest.files[key];
      expect(asset, key).toBeDefined();
      const dir = join(s.outdir, asset!.source.path);
      const files = readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
        .sort();
      // The one data file a bundled package reads at run time (src/functions/runtime-data.ts): never its geocodes.
      expect(files).toEqual(['index.mjs', 'index.mjs.map', ...RUNTIME_DATA_FILES.map((d) => relative(dir, bundledDataPath(dir, d)))].sort());
      const code = readFileSync(join(dir, 'index.mjs'), 'utf8');
      expect(code.startsWith("import { createRequire as __vfcCreateRequire } from 'node:module';")).toBe(true);
      expect(code).toMatch(/\/\/# sourceMappingURL=index\.mjs\.map\s*$/);
      // Minified: long lines (template literals may keep a few newlines), no indentation-only formatting.
      expect(code.length / code.split('\n').length, 'average line length').toBeGreaterThan(500);
    }
  });
});

describe('suppressions', () => {
  const srcDir = fileURLToPath(new URL('../src/', import.meta.url));
  const sources = (readdirSync(srcDir, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => ({ file: f, lines: readFileSync(join(srcDir, f), 'utf8').split('\n') }));

  it('every suppression has a "Justification:" comment beside it and a reason', () => {
    let count = 0;
    for (const { file, lines } of sources) {
      lines.forEach((line, i) => {
        if (!/id: '(AwsSolutions|Serverless)-/.test(line)) return;
        count += 1;
        const around = lines.slice(i, i + 4).join('\n');
        expect(around, `${file}:${i + 1}`).toMatch(/\/\/ Justification: .{20,}/);
        expect(around, `${file}:${i + 1}`).toMatch(/reason: '.{20,}'/);
      });
    }
    expect(count).toBeGreaterThan(0);
  });
});
