import { describe, expect, it } from 'vitest';
import { contentScriptMatches } from './matches';

describe('contentScriptMatches', () => {
  it.each(['production', 'development', 'E2E', ''])('mode %j: only the real Neo hosts', (mode) => {
    const matches = contentScriptMatches(mode);
    expect(matches).toEqual(['https://*.idexxneo.com/*', 'https://*.idexxneocloud.com/*', 'https://neo.vet/*', 'https://*.neosuite.com/*']);
    expect(matches.join(' ')).not.toMatch(/localhost|127\.0\.0\.1/);
  });

  it('e2e mode adds the local fake Neo', () => {
    expect(contentScriptMatches('e2e')).toEqual(expect.arrayContaining(['https://*.idexxneo.com/*', 'http://localhost/*', 'http://127.0.0.1/*']));
  });
});
