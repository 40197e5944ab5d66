import { describe, expect, it } from 'vitest';
import { phoneNumberInput, toE164 } from './phone-input.js';

describe('toE164', () => {
  it.each([
    ['(415) 555-0123', '+14155550123'],
    ['415.555.0123', '+14155550123'],
    ['+1 415 555 0123', '+14155550123'],
    ['+44 20 7946 0958', '+442079460958'],
  ])('reads %s as %s', (typed, e164) => {
    expect(toE164(typed)).toBe(e164);
  });

  it.each(['555-0123', '+1 000 000 0000', 'call the front desk'])('refuses %s', (typed) => {
    expect(toE164(typed)).toBeUndefined();
  });
});

describe('phoneNumberInput', () => {
  it('turns what staff typed into E.164', () => {
    expect(phoneNumberInput.parse(' (415) 555-0123 ')).toBe('+14155550123');
  });

  it('refuses a number that is not valid with a message naming it', () => {
    const result = phoneNumberInput.safeParse('555-0123');
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toEqual(['"555-0123" is not a valid phone number']);
  });
});
