import { describe, expect, it } from 'vitest';
import { runtimeKnowsZone } from './time-zone-support.js';

describe('runtimeKnowsZone', () => {
  it('accepts an IANA zone and UTC, the same answer on a second (remembered) call', () => {
    expect([runtimeKnowsZone('America/New_York'), runtimeKnowsZone('America/New_York'), runtimeKnowsZone('UTC')]).toEqual([true, true, true]);
  });

  it('refuses a name Intl does not know, every time it is asked', () => {
    expect([runtimeKnowsZone('Mars/Olympus_Mons'), runtimeKnowsZone('Mars/Olympus_Mons'), runtimeKnowsZone('')]).toEqual([false, false, false]);
  });
});
