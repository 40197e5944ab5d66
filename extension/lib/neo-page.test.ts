import { describe, expect, it } from 'vitest';
import { neoDraft } from './neo-draft';
import { readConsultation } from './neo-page';

const toDraft = async (request: Parameters<typeof neoDraft>[0]) => neoDraft(request);
import { scriptedFetch } from '../test-support/test-fetch';

const origin = 'https://us.idexxneo.com';
const pageData = (client: Record<string, unknown>) => ({
  consultation: { id: 310383, status: 'Paid', reason: 'Vaccination', notes: 'Booster given.' },
  patient: { id: 8813, name: 'Milo' },
  client: { id: 5522, firstName: 'Tom', lastName: 'Baker', ...client },
  pageData: { providers: [{ id: 3, name: 'Dr. Sam Rivera' }] },
});

describe('readConsultation', () => {
  it('reads page-data with the session cookie and Neo\'s headers', async () => {
    const neo = scriptedFetch((r) => (r.url.endsWith('/consultations/310383/page-data') ? { status: 200, body: pageData({ mobilePhone: '(415) 555-0188' }) } : undefined));
    const read = await readConsultation(origin, '310383', toDraft, neo.fetch);
    expect(read).toMatchObject({ phoneSource: 'page-data', consultationStatus: 'Paid', draft: { petName: 'Milo', phoneNumber: '(415) 555-0188' } });
    expect(neo.requests).toHaveLength(1);
    expect(neo.requests[0]).toMatchObject({ credentials: 'include', headers: { accept: 'application/json', 'x-requested-with': 'XMLHttpRequest' } });
  });

  it('falls back to the client page for the phone', async () => {
    const neo = scriptedFetch(
      (r) => (r.url.endsWith('/page-data') ? { status: 200, body: pageData({}) } : undefined),
      (r) => (r.url === `${origin}/clients/view/5522` ? { status: 200, text: '<th>Mobile No:</th><td>(415) 555-0188</td>' } : undefined),
    );
    const read = await readConsultation(origin, '310383', toDraft, neo.fetch);
    expect(read).toMatchObject({ phoneSource: 'client-page', draft: { phoneNumber: '(415) 555-0188', ownerName: 'Tom Baker' } });
    expect(read.warning).toBeUndefined();
  });

  it.each([
    ['401 from page-data', scriptedFetch(() => ({ status: 401, body: { error: 'unauthorized' } })), /HTTP 401/],
    ['network error', scriptedFetch(), /Could not read/],
    ['no phone anywhere', scriptedFetch((r) => (r.url.endsWith('/page-data') ? { status: 200, body: pageData({}) } : { status: 200, text: '<p>nothing</p>' })), /No phone/],
  ])('%s → a warning and an editable draft', async (_label, neo, warning) => {
    const read = await readConsultation(origin, '310383', toDraft, neo.fetch);
    expect(read.warning).toMatch(warning);
    expect(read.draft.consultationId).toBe('310383');
    expect(read.draft.phoneNumber).toBe('');
  });
});
