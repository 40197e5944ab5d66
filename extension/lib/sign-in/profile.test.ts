import { describe, expect, it } from 'vitest';
import { profileFromClaims } from './profile';

describe('profileFromClaims', () => {
  it('makes a member of both groups an admin', () => {
    expect(profileFromClaims({ sub: 's', name: 'Dr. Rivera', 'cognito:groups': ['staff', 'admin'] }).role).toBe('admin');
  });

  it('makes a member of the staff group staff, also from a plain groups claim', () => {
    expect([profileFromClaims({ sub: 's', 'cognito:groups': ['staff'] }).role, profileFromClaims({ sub: 's', groups: ['staff'] }).role]).toEqual(['staff', 'staff']);
  });

  it('gives no role to a person in neither group', () => {
    expect(profileFromClaims({ sub: 's', 'cognito:groups': ['other'] }).role).toBeUndefined();
  });

  it('names the person by name, else email, else sub', () => {
    expect([
      profileFromClaims({ sub: 's', name: ' Dr. Rivera ', email: 'r@x' }).name,
      profileFromClaims({ sub: 's', email: 'r@x' }).name,
      profileFromClaims({ sub: 's' }).name,
    ]).toEqual(['Dr. Rivera', 'r@x', 's']);
  });
});
