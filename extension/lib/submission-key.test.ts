import { describe, expect, it } from 'vitest';
import { keyForSubmission } from './submission-key';

describe('keyForSubmission', () => {
  it('reuses the key for a retried identical submission and changes it when the body changes', () => {
    const first = keyForSubmission(undefined, '{"a":1}');
    expect(first.key).toMatch(/^[0-9a-f-]{36}$/);
    expect(keyForSubmission(first, '{"a":1}')).toBe(first);
    const edited = keyForSubmission(first, '{"a":2}');
    expect(edited.key).not.toBe(first.key);
    expect(edited.fingerprint).toBe('{"a":2}');
  });
});
