import { describe, expect, it } from 'vitest';
import { staffMember } from './list-staff.js';

const record = { clinicId: 'c1', userId: 'u1', name: 'Jamie Chen', email: 'jamie@clinic.example', role: 'staff' as const };

describe('staffMember', () => {
  it('shows a disabled person as disabled, without the instant', () => {
    expect(staffMember({ ...record, disabledAt: '2026-12-04T09:00:00.000Z' })).toEqual({ userId: 'u1', name: 'Jamie Chen', email: 'jamie@clinic.example', role: 'staff', disabled: true });
  });

  it('passes the last activity of an active person', () => {
    expect(staffMember({ ...record, lastActiveAt: '2026-12-04T08:00:00.000Z' })).toEqual({
      userId: 'u1',
      name: 'Jamie Chen',
      email: 'jamie@clinic.example',
      role: 'staff',
      lastActiveAt: '2026-12-04T08:00:00.000Z',
      disabled: false,
    });
  });
});
