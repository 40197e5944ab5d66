import { describe, expect, it } from 'vitest';
import { silentWav } from './recording.js';

describe('silentWav', () => {
  it('is a RIFF/WAVE PCM file whose sizes match its length', () => {
    const wav = silentWav(2);
    expect(wav.toString('ascii', 0, 4)).toBe('RIFF');
    expect(wav.toString('ascii', 8, 12)).toBe('WAVE');
    expect(wav.readUInt32LE(4)).toBe(wav.length - 8);
    expect(wav.readUInt32LE(40)).toBe(2 * 8000 * 2);
    expect(wav.length).toBe(44 + 2 * 8000 * 2);
  });
});
