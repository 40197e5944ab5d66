import { phonesFromClientPageText, parsePageData, toCallDraft, toE164 } from '@vfc/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_NEO_CONSULTATIONS } from './fixtures.js';
import { FAKE_NEO_SESSION_COOKIE, startFakeNeo, type FakeNeo } from './server.js';

let neo: FakeNeo;
let cookie: string;

beforeAll(async () => {
  neo = await startFakeNeo({ port: 0 });
  const first = await fetch(neo.consultationUrl('310382'));
  cookie = (first.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
});
afterAll(() => neo.stop());

const get = (path: string, withCookie = true) =>
  fetch(`${neo.url}${path}`, { headers: { ...(withCookie ? { cookie } : {}), accept: 'application/json', 'x-requested-with': 'XMLHttpRequest' } });

describe('fake Neo', () => {
  it('serves consultation pages (view and edit) and sets a session cookie', async () => {
    expect(cookie.startsWith(`${FAKE_NEO_SESSION_COOKIE}=`)).toBe(true);
    for (const form of ['view', 'edit'] as const) {
      const res = await fetch(neo.consultationUrl('310384', form));
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toContain('Señor Bigotes');
      expect(html).toContain('O&#39;Brien-Núñez');
      expect(html).toContain('data-spa href="/consultations/view/310382"');
    }
    expect((await fetch(neo.consultationUrl('999'))).status).toBe(404);
  });

  it('requires the session cookie on page-data and client pages', async () => {
    expect((await get('/consultations/310382/page-data', false)).status).toBe(401);
    expect((await get('/clients/view/5522', false)).status).toBe(401);
    expect((await get('/consultations/310382/page-data')).status).toBe(200);
  });

  it.each(FAKE_NEO_CONSULTATIONS.map((c) => [c.id, c.covers, c] as const))(
    'consultation %s (%s) reads back to its expected draft',
    async (id, _covers, fixture) => {
      const data = parsePageData(await (await get(`/consultations/${id}/page-data`)).json());
      let draft = toCallDraft(data, { consultationId: id });
      if (!draft.phoneNumber) {
        const phones = phonesFromClientPageText(await (await get(`/clients/view/${fixture.client.id}`)).text());
        draft = toCallDraft(data, { consultationId: id, clientPagePhone: phones.preferred });
      }
      expect(draft).toMatchObject({
        consultationId: id,
        ownerName: fixture.expected.ownerName,
        petName: fixture.expected.petName,
        phoneNumber: fixture.expected.phone,
        vetName: fixture.expected.vetName,
      });
      expect(toE164(draft.phoneNumber)).toBe(fixture.expected.phoneE164);
      expect(fixture.expected.phoneE164).not.toMatch(/010[1-7]$/);
    },
  );

  it('has the variety the extension must handle', () => {
    const statuses = FAKE_NEO_CONSULTATIONS.map((c) => c.pageData.consultation.status);
    expect(statuses).toContain('Draft');
    const noPhone = FAKE_NEO_CONSULTATIONS.find((c) => c.id === '310383');
    expect(JSON.stringify(noPhone?.pageData.client)).not.toMatch(/\d{3}.?\d{4}/);
    const long = FAKE_NEO_CONSULTATIONS.find((c) => c.id === '310384');
    expect(long?.pageData.consultation.notes.length).toBeGreaterThan(4000);
  });

  it('serves business hours and a non-consultation page', async () => {
    expect(await (await get('/schedule/getScheduleConfigs')).json()).toEqual({
      businessHours: { start: '08:00', end: '18:00', daysOfWeek: [1, 2, 3, 4, 5] },
    });
    const other = await get('/appointments');
    expect(other.status).toBe(200);
    expect(await other.text()).toContain('Appointments');
  });
});
