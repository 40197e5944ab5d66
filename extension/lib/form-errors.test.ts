import { describe, expect, it } from 'vitest';
import { buildCreateCallRequest } from './create-call-request';
import { dialogValues } from '../test-support/dialog-values';
import { fieldErrorsFromIssues } from './form-errors';

const valid = dialogValues({ scheduledForLocal: '2026-11-24T10:00:00' });

describe('buildCreateCallRequest', () => {
  it('builds the API body: E.164 phone, UTC time, empty optionals left out', () => {
    const result = buildCreateCallRequest(valid, 'America/Los_Angeles');
    expect(result).toEqual({
      ok: true,
      body: {
        consultationId: '310382',
        ownerName: 'Jane Doe',
        phoneNumber: '+14155550123',
        petName: 'Bella',
        vetName: 'Dr. Sam Rivera',
        dischargeSummary: 'Soft food for 3 days.',
        scheduledFor: '2026-11-24T18:00:00.000Z',
      },
    });
  });

  it.each([
    [{ phoneNumber: '555' }, 'phoneNumber', /not a valid phone number/],
    [{ petName: '  ' }, 'petName', /required/],
    [{ ownerName: '' }, 'ownerName', /required/],
    [{ scheduledForLocal: '' }, 'scheduledFor', /required/],
    [{ scheduledForLocal: '2026-02-30T10:00' }, 'scheduledFor', /not a valid/],
    [{ notes: 'x'.repeat(2001) }, 'notes', /at most 2000/],
  ])('%j → error on %s', (change, field, message) => {
    const result = buildCreateCallRequest({ ...valid, ...change }, 'America/Los_Angeles');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[field]).toMatch(message);
  });
});

describe('fieldErrorsFromIssues', () => {
  it('keeps the first message per top-level field', () => {
    expect(
      fieldErrorsFromIssues([
        { path: 'phoneNumber', message: 'opted out' },
        { path: 'phoneNumber', message: 'second' },
        { path: 'scheduledFor', message: 'is in the past' },
      ]),
    ).toEqual({ phoneNumber: 'opted out', scheduledFor: 'is in the past' });
  });
});
