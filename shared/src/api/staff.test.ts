import { describe, expect, it } from 'vitest';
import { ListStaffResponse } from './staff.js';

const person = { userId: 'u1', name: 'Jamie Chen', email: 'staff@happypaws.example', role: 'staff', disabled: false };

describe('ListStaffResponse', () => {
  it('accepts a person who never used the API (no lastActiveAt)', () => {
    expect(ListStaffResponse.safeParse({ items: [person] }).success).toBe(true);
  });

  it('refuses a role other than staff or admin', () => {
    expect(ListStaffResponse.safeParse({ items: [{ ...person, role: 'owner' }] }).success).toBe(false);
  });
});
