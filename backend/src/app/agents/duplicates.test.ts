import { describe, expect, it } from 'vitest';
import type { RegistryAgent } from '@vfc/shared';
import { flagDuplicates } from './duplicates.js';

const agent = (agentId: string, agentName: string, lastModificationTimestamp: number, syncStatus: RegistryAgent['syncStatus'] = 'active'): RegistryAgent => ({
  agentId,
  agentName,
  version: 1,
  isPublished: true,
  lastModificationTimestamp,
  lastSyncedAt: '2026-11-23T12:00:00.000Z',
  syncStatus,
  tags: [],
});

describe('flagDuplicates', () => {
  it('keeps the most recently modified of one name (trimmed, any case) and flags the rest; inactive agents do not count', () => {
    const out = flagDuplicates([agent('a', 'Follow-up', 1), agent('b', ' follow-up ', 3), agent('c', 'Follow-up', 2), agent('d', 'Follow-up', 9, 'orphaned')]);
    expect(out.map((a) => [a.agentId, a.duplicateOf])).toEqual([['a', 'b'], ['b', undefined], ['c', 'b'], ['d', undefined]]);
  });

  it('clears an old flag once the name is unique again', () => {
    const [only] = flagDuplicates([{ ...agent('a', 'X', 1), duplicateOf: 'gone', statusReason: 'duplicate of "X" (gone)' }]);
    expect(only).not.toHaveProperty('duplicateOf');
    expect(only).not.toHaveProperty('statusReason');
  });
});
