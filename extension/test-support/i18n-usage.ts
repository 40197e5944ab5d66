import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** The extension's root folder (`extension/`). */
const ROOT = join(import.meta.dirname, '..');

/** Folders that hold no hand-written source: dependencies, WXT's generated files and build output. */
const SKIPPED_DIRS = new Set(['node_modules', '.wxt', '.output', 'dist']);

/** What the extension's source asks of the locale messages, found by reading the files (no code is run). */
export interface MessageUsage {
  /** Chrome message keys (`followUps_row_details`) of every `i18n.t('…')` with a literal key and every `__MSG_…__`. */
  keys: Set<string>;
  /** `file:line` of each `i18n.t(` whose first argument is not a string literal (a key built at run time). */
  dynamicCalls: string[];
}

/** Every `.ts`/`.tsx` file under `dir`, tests and test support left out (they are not what users see). */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return SKIPPED_DIRS.has(entry.name) || entry.name === 'test-support' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/**
 * Scans `extension/**\/*.ts(x)` (not tests) for the message keys in use: `i18n.t('a.b.c', …)` counts as the Chrome
 * key `a_b_c` (how @wxt-dev/i18n flattens `locales/<lang>.yml`), `__MSG_name__` (manifest fields) as `name`.
 */
export function messageUsage(): MessageUsage {
  const keys = new Set<string>();
  const dynamicCalls: string[] = [];
  for (const file of sourceFiles(ROOT)) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/\bi18n\.t\(\s*(?:(['"])([^'"\n]+)\1)?/g)) {
      if (match[2] !== undefined) {
        keys.add(match[2].replaceAll('.', '_'));
      } else {
        const line = text.slice(0, match.index).split('\n').length;
        dynamicCalls.push(`${relative(ROOT, file)}:${line}`);
      }
    }
    for (const match of text.matchAll(/__MSG_(\w+)__/g)) keys.add(match[1]!);
  }
  return { keys, dynamicCalls };
}
