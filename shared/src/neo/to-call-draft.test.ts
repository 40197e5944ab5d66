import { describe, expect, it } from 'vitest';
import { CreateCallRequest } from '../api/call-request.js';
import { parsePageData } from './page-data.js';
import { DISCHARGE_SUMMARY_MAX, draftHasPhone, toCallDraft, truncateWithEllipsis } from './to-call-draft.js';

const base = {
  consultation: { id: 310382, reason: 'Dental cleaning', notes: '<p>Notes</p>', status: 'Completed' },
  patient: { id: 1, name: 'Bella' },
  client: { id: 5521, firstName: 'Jane', lastName: 'Doe' },
  pageData: { providers: [{ id: 3, name: 'Dr. Sam Rivera' }, { id: 4, name: 'Dr. Second' }] },
};

describe('toCallDraft', () => {
  it('maps the observed page-data', () => {
    const draft = toCallDraft(parsePageData({ ...base, client: { ...base.client, mobilePhone: '(415) 555-0123' } }));
    expect(draft).toEqual({
      consultationId: '310382',
      ownerName: 'Jane Doe',
      petName: 'Bella',
      phoneNumber: '(415) 555-0123',
      vetName: 'Dr. Sam Rivera',
      dischargeSummary: 'Notes',
      notes: 'Reason for visit: Dental cleaning',
    });
    const parsed = CreateCallRequest.safeParse({ ...draft, scheduledFor: '2026-11-23T18:00:00Z' });
    expect(parsed.success).toBe(true);
  });

  it.each([
    ['mobile first', { mobilePhone: '1', phone: '2', homePhone: '3', workPhone: '4' }, '1'],
    ['then phone', { phone: '2', homePhone: '3', workPhone: '4' }, '2'],
    ['then home', { homePhone: '3', workPhone: '4' }, '3'],
    ['then work', { workPhone: '4' }, '4'],
    ['blank strings skipped', { mobilePhone: '  ', workPhone: '4' }, '4'],
    ['client page last', {}, 'page'],
  ])('phone: %s', (_label, phones, expected) => {
    const data = parsePageData({ ...base, client: { ...base.client, ...phones } });
    expect(toCallDraft(data, { clientPagePhone: 'page' }).phoneNumber).toBe(expected);
  });

  it('prefers dischargeSummary over notes and strips HTML', () => {
    const data = parsePageData({
      ...base,
      consultation: { ...base.consultation, dischargeSummary: '<b>Rest</b>&nbsp;for 2 days.\n\n<br>Call if vomiting.' },
    });
    expect(toCallDraft(data).dischargeSummary).toBe('Rest for 2 days. Call if vomiting.');
  });

  it('truncates long notes to the schema max with an ellipsis', () => {
    const long = `<p>${'Monitor the incision site daily. '.repeat(200)}</p>`;
    const draft = toCallDraft(parsePageData({ ...base, consultation: { ...base.consultation, notes: long } }));
    expect(draft.dischargeSummary.length).toBe(DISCHARGE_SUMMARY_MAX);
    expect(draft.dischargeSummary.endsWith('…')).toBe(true);
    expect(CreateCallRequest.shape.dischargeSummary.safeParse(draft.dischargeSummary).success).toBe(true);
  });

  it('keeps accents and apostrophes', () => {
    const data = parsePageData({ ...base, client: { firstName: 'Zoë', lastName: "O'Brien-Núñez" }, patient: { name: 'Señor Bigotes' } });
    const draft = toCallDraft(data);
    expect(draft.ownerName).toBe("Zoë O'Brien-Núñez");
    expect(draft.petName).toBe('Señor Bigotes');
  });

  it('gives empty strings when nothing is known, taking the id from the URL', () => {
    expect(toCallDraft(undefined, { consultationId: '77' })).toEqual({
      consultationId: '77', ownerName: '', petName: '', phoneNumber: '', vetName: '', dischargeSummary: '', notes: '',
    });
  });

  it('draftHasPhone', () => {
    expect(draftHasPhone(parsePageData(base))).toBe(false);
    expect(draftHasPhone(parsePageData({ ...base, client: { homePhone: '415 555 0123' } }))).toBe(true);
  });
});

describe('truncateWithEllipsis', () => {
  it.each([
    ['short', 10, 'short'],
    ['exactly ten', 11, 'exactly ten'],
    ['abcdefghij', 5, 'abcd…'],
  ])('%j max %d → %j', (text, max, out) => {
    expect(truncateWithEllipsis(text, max)).toBe(out);
  });
});
