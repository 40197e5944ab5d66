import { describe, expect, it } from 'vitest';
import { accessTokenClaims } from './access-token-claims.js';

describe('accessTokenClaims', () => {
  it('copies the clinic, name and email attributes into the claims the authorizer reads', () => {
    const claims = accessTokenClaims({ sub: 'u1', 'custom:clinic_id': 'clinic-a', name: 'Dr. Rivera', email: 'rivera@example.test', email_verified: 'true' });
    expect(claims).toEqual({ clinic_id: 'clinic-a', name: 'Dr. Rivera', email: 'rivera@example.test' });
  });

  it('adds no clinic claim for a person without a clinic attribute', () => {
    expect(accessTokenClaims({ sub: 'u1', email: 'x@example.test' })).toEqual({ email: 'x@example.test' });
  });
});
