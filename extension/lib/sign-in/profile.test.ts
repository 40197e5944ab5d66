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

describe('profileFromClaims without groups in the ID token', () => {
  const jwt = (payload: object) => `e30.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.sig`;

  it("reads the role from the access token's cognito:groups", () => {
    expect(profileFromClaims({ sub: 's' }, jwt({ 'cognito:groups': ['admin'] })).role).toBe('admin');
  });

  it("ignores the access token when the ID token names groups", () => {
    expect(profileFromClaims({ sub: 's', 'cognito:groups': ['staff'] }, jwt({ 'cognito:groups': ['admin'] })).role).toBe('staff');
  });

  it('gives no role when the access token is not a JWT', () => {
    expect(profileFromClaims({ sub: 's' }, 'opaque-token').role).toBeUndefined();
  });
});
