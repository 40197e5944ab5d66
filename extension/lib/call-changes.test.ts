import { describe, expect, it } from 'vitest';
import { callsThatMoveTheBadge } from './call-changes';
import { testCall } from '../test-support/test-server';

describe('callsThatMoveTheBadge', () => {
  it('names the shown calls that ended or whose attention changed, not new or unchanged ones', () => {
    const before = [
      testCall({ callId: 'ends', status: 'in_progress' }),
      testCall({ callId: 'analysed', status: 'completed', attention: 'none' }),
      testCall({ callId: 'same', status: 'completed', attention: 'review' }),
      testCall({ callId: 'waiting', status: 'scheduled' }),
    ];
    const after = [
      testCall({ callId: 'ends', status: 'completed' }),
      testCall({ callId: 'analysed', status: 'completed', attention: 'urgent' }),
      testCall({ callId: 'same', status: 'completed', attention: 'review' }),
      testCall({ callId: 'waiting', status: 'dialing' }),
      testCall({ callId: 'new', status: 'failed', attention: 'review' }),
    ];
    expect(callsThatMoveTheBadge(before, after)).toEqual(['ends', 'analysed']);
    expect(callsThatMoveTheBadge(undefined, after)).toEqual([]);
  });
});
