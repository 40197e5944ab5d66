import { describe, expect, it } from 'vitest';
import { clientPagePath, consultationIdFromUrl, consultationPagePath, NEO_MATCH_PATTERNS, pageDataPath } from './consultation-url.js';

describe('consultationIdFromUrl', () => {
  it.each([
    ['https://us.idexxneo.com/consultations/view/310382', '310382'],
    ['https://us.idexxneo.com/consultations/edit/310382', '310382'],
    ['https://us.idexxneo.com/consultations/310382', '310382'],
    ['https://ca.idexxneocloud.com/consultations/view/42/?tab=notes#lines', '42'],
    ['https://neo.vet/consultations/edit/9001', '9001'],
    ['http://127.0.0.1:4321/consultations/view/310383', '310383'],
  ])('%s → %s', (url, id) => {
    expect(consultationIdFromUrl(url)).toBe(id);
  });

  it.each([
    'https://us.idexxneo.com/consultations/view/abc',
    'https://us.idexxneo.com/consultations/310382/page-data',
    'https://us.idexxneo.com/clients/view/5521',
    'https://us.idexxneo.com/consultations',
    'https://us.idexxneo.com/appointments?consultations/view/1',
    'not a url',
  ])('%s → undefined', (url) => {
    expect(consultationIdFromUrl(url)).toBeUndefined();
  });
});

describe('paths and patterns', () => {
  it('builds same-origin paths', () => {
    expect(pageDataPath('310382')).toBe('/consultations/310382/page-data');
    expect(clientPagePath(5521)).toBe('/clients/view/5521');
  });

  it('lists only the real Neo hosts, all HTTPS', () => {
    expect(NEO_MATCH_PATTERNS).toHaveLength(4);
    for (const pattern of NEO_MATCH_PATTERNS) expect(pattern).toMatch(/^https:\/\/[^/]*(idexxneo|neo\.vet|neosuite)/);
  });
});

describe('consultationPagePath', () => {
  it('gives the view page that consultationIdFromUrl reads back', () => {
    expect(consultationPagePath('310382')).toBe('/consultations/view/310382');
    expect(consultationIdFromUrl(`https://us.idexxneo.com${consultationPagePath('310382')}`)).toBe('310382');
  });
});
