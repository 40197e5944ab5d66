import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * What a newcomer must never meet in the repository: a path on some machine outside it (an absolute path under the
 * machine's work folder, a sibling folder reached with `..`, a reference folder that is not in the repository) or the
 * number of an issue in a tracker that is not in it. Facts belong in `docs/`, with their public sources. (The patterns
 * below are written so that this file does not match them itself.)
 */
export const FORBIDDEN_PATTERNS: readonly { name: string; pattern: RegExp }[] = [
  { name: 'absolute machine path', pattern: /\/work\// },
  { name: 'path to a folder outside the repository', pattern: /\.\.\/shared/ },
  { name: 'reference folder outside the repository', pattern: /(?<![\w./-])reference\// /* a URL's `/reference/` path is not a folder of ours */ },
  { name: 'issue number', pattern: /[Ii]ssues? #?[0-9]/ },
];

/** File names whose text is scanned (the same set the hand check `grep --include` covers). */
export const SCANNED_EXTENSIONS = ['.ts', '.tsx', '.md', '.json', '.sh'] as const;

/** One forbidden line: repository-relative path, 1-based line number, which rule, and the line itself. */
export interface HygieneHit {
  path: string;
  line: number;
  rule: string;
  text: string;
}

/** The hits in one file's text. Pure: the caller reads the file. */
export function scanText(path: string, text: string): HygieneHit[] {
  const hits: HygieneHit[] = [];
  text.split('\n').forEach((lineText, index) => {
    for (const { name, pattern } of FORBIDDEN_PATTERNS) {
      if (pattern.test(lineText)) hits.push({ path, line: index + 1, rule: name, text: lineText.trim() });
    }
  });
  return hits;
}

/** Every file git tracks under `root` (plus new files not yet committed, not ignored) with a scanned extension. */
export function trackedFiles(root: string): string[] {
  const out = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { cwd: root, encoding: 'utf8' });
  return out
    .split('\0')
    .filter((path) => path !== '' && SCANNED_EXTENSIONS.some((ext) => path.endsWith(ext)));
}

/** Scans every tracked file under `root`; the empty list means the repository is clean. Files git lists but that are gone are skipped. */
export function scanRepository(root: string): HygieneHit[] {
  return trackedFiles(root).flatMap((path) => {
    let text: string;
    try {
      text = readFileSync(join(root, path), 'utf8');
    } catch {
      return [];
    }
    return scanText(path, text);
  });
}
