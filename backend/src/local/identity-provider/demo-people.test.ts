import { describe, expect, it } from 'vitest';
import { seedDemoPeople } from './demo-people.js';
import { LocalPeople } from './people.js';

describe('seedDemoPeople', () => {
  it('gives the demo people the same ids at every start (their person records stay one each)', () => {
    const first = seedDemoPeople(new LocalPeople(), 'demo-clinic', { password: 'pw-Demo-123!' });
    const again = seedDemoPeople(new LocalPeople(), 'demo-clinic', { password: 'pw-Demo-123!' });
    expect([again.staff.sub, again.admin.sub]).toEqual([first.staff.sub, first.admin.sub]);
  });

  it('gives the staff member and the admin different ids', () => {
    const people = seedDemoPeople(new LocalPeople(), 'demo-clinic');
    expect(people.staff.sub).not.toBe(people.admin.sub);
  });
});
