import { CreateCallRequest } from '@vfc/shared';
import { describe, expect, it } from 'vitest';
import { requestFingerprint } from './request-fingerprint.js';

const body = { consultationId: '310382', petName: 'Rex', ownerName: 'Ana Silva', phoneNumber: '(415) 555-0123', scheduledFor: '2026-11-24T15:00:00.000Z' };

describe('requestFingerprint', () => {
  it('is the same for bodies that parse to the same request (key order, phone spelling)', () => {
    const a = CreateCallRequest.parse(body);
    const b = CreateCallRequest.parse({ scheduledFor: body.scheduledFor, phoneNumber: '+1 415-555-0123', petName: 'Rex', ownerName: 'Ana Silva', consultationId: '310382' });
    expect(requestFingerprint(a)).toBe(requestFingerprint(b));
    expect(requestFingerprint(a)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('changes when any field differs', () => {
    const a = requestFingerprint(CreateCallRequest.parse(body));
    expect(requestFingerprint(CreateCallRequest.parse({ ...body, petName: 'Max' }))).not.toBe(a);
    expect(requestFingerprint(CreateCallRequest.parse({ ...body, notes: 'bring the cone' }))).not.toBe(a);
  });
});
