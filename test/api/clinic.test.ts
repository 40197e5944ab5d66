import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GetClinicResponse } from '@vfc/shared';
import { startLocalStack, type LocalStack } from '@vfc/backend/local/stack';
import { apiClient } from '../support/api.js';

/** `GET /clinic` on the real local stack: the clinic and the calling token's role (the options page decides by it). */
let stack: LocalStack;

beforeAll(async () => {
  stack = await startLocalStack({ port: 0 });
});
afterAll(() => stack?.stop());

describe('GET /clinic', () => {
  it("answers the clinic with the token's role: staff for a staff token, admin for an admin token", async () => {
    const staff = await apiClient(() => stack.apiUrl, () => stack.staffToken)('/clinic');
    const admin = await apiClient(() => stack.apiUrl, () => stack.adminToken)('/clinic');
    expect(staff.status).toBe(200);
    expect(GetClinicResponse.parse(staff.json).role).toBe('staff');
    expect(admin.status).toBe(200);
    expect(GetClinicResponse.parse(admin.json)).toMatchObject({ role: 'admin', clinicId: GetClinicResponse.parse(staff.json).clinicId });
  });
});
