import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { scanRepository, scanText, trackedFiles } from './repo-hygiene.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

describe('scanText', () => {
  // Assembled from pieces so that this file itself stays clean for the same scan.
  const [work, up, ref, issue] = ['/wo' + 'rk/', '..' + '/shared/', 'refer' + 'ence/', 'ssue'];

  it('flags a machine path, a path to a sibling folder, a reference folder and an issue number, each on its own line', () => {
    const text = [
      'clean line',
      `// see ${work}shared/x.md`,
      `// see ${up}y.md`,
      `// facts: ${ref}retell-api.md`,
      `// done when of i${issue} 4`,
      `// I${issue} 12 says`,
      `// the admin side (i${issue}s 3 and 4)`,
      `// fixed in i${issue} #9`,
    ].join('\n');
    expect(scanText('a.ts', text).map((hit) => [hit.line, hit.rule])).toEqual([
      [2, 'absolute machine path'],
      [3, 'path to a folder outside the repository'],
      [4, 'reference folder outside the repository'],
      [5, 'issue number'],
      [6, 'issue number'],
      [7, 'issue number'],
      [8, 'issue number'],
    ]);
  });

  it('lets through paths inside the repository, docs links and words like "issues"', () => {
    const text = ['see docs/retell.md', 'import x from "./shared/y"', 'issues: [{path}]', `api-${ref}page`, '#310383'].join('\n');
    expect(scanText('b.md', text)).toEqual([]);
  });
});

describe('the repository', () => {
  it('scans the source and docs files git knows about', () => {
    const files = trackedFiles(ROOT);
    expect(files).toContain('README.md');
    expect(files).toContain('backend/src/adapters/retell/retell-client.ts');
  });

  it('has no path outside itself and no issue number in any tracked code or doc', () => {
    expect(scanRepository(ROOT)).toEqual([]);
  });
});
