import { describe, expect, it } from 'vitest';
import { actorOf, UNLABELLED_TOKEN, withChange } from './actor.js';

describe('actorOf', () => {
  it('records a signed-in person by their token subject and name', () => {
    expect(actorOf({ userId: 'sub-1', name: 'Dr. Rivera' })).toEqual({ userId: 'sub-1', name: 'Dr. Rivera' });
  });

  it('records an API key by its label', () => {
    expect(actorOf({ label: 'Front desk' })).toEqual({ userId: 'api-key', name: 'Front desk' });
  });

  it('records an unlabelled API key as unlabelled clinic staff', () => {
    expect(actorOf({})).toEqual({ userId: 'api-key', name: UNLABELLED_TOKEN });
  });
});

describe('withChange', () => {
  it('appends the change after the earlier ones', () => {
    const by = { userId: 'u', name: 'N' };
    const earlier = { at: '2026-01-01T00:00:00.000Z', action: 'created' as const, by };
    const later = { at: '2026-01-02T00:00:00.000Z', action: 'cancelled' as const, by };
    expect(withChange({ changes: [earlier] }, later)).toEqual([earlier, later]);
  });
});
