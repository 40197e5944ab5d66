import { describe, expect, it } from 'vitest';
import { grantOf, type ApiEvent } from './api-request.js';

const eventWith = (lambda: Record<string, unknown> | undefined) => ({ requestContext: { authorizer: lambda ? { lambda } : undefined } }) as unknown as ApiEvent;

describe('grantOf', () => {
  it("passes the token's label from the authorizer context, and none when the token has no label", () => {
    expect(grantOf(eventWith({ clinicId: 'c1', role: 'staff', label: 'Front desk' }), 'staff')).toEqual({ clinicId: 'c1', role: 'staff', label: 'Front desk' });
    expect(grantOf(eventWith({ clinicId: 'c1', role: 'staff' }), 'staff')).toEqual({ clinicId: 'c1', role: 'staff' });
    expect(grantOf(eventWith({ clinicId: 'c1', role: 'staff', label: '' }), 'staff')).toEqual({ clinicId: 'c1', role: 'staff' });
  });

  it('refuses a missing context (401) and a staff token on an admin route (403)', () => {
    expect(() => grantOf(eventWith(undefined), 'staff')).toThrow(expect.objectContaining({ status: 401 }));
    expect(() => grantOf(eventWith({ clinicId: 'c1', role: 'staff' }), 'admin')).toThrow(expect.objectContaining({ status: 403 }));
  });
});

describe('grantOf with an API key', () => {
  it("passes the key's id from the authorizer context", () => {
    expect(grantOf(eventWith({ clinicId: 'c1', role: 'admin', label: 'Billing sync', keyId: 'k-1' }), 'admin')).toEqual({ clinicId: 'c1', role: 'admin', label: 'Billing sync', keyId: 'k-1' });
  });
});
