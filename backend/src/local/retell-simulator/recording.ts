/**
 * A stand-in for a call recording: `seconds` of silence as a WAV file (RIFF, PCM 16-bit mono, 8 kHz — telephone
 * quality), so an audio player has something real to load.
 */
export function silentWav(seconds: number): Buffer {
  const sampleRate = 8000;
  const dataBytes = Math.max(1, Math.round(seconds * sampleRate)) * 2;
  const wav = Buffer.alloc(44 + dataBytes);
  wav.write('RIFF', 0, 'ascii');
  wav.writeUInt32LE(36 + dataBytes, 4);
  wav.write('WAVE', 8, 'ascii');
  wav.write('fmt ', 12, 'ascii');
  wav.writeUInt32LE(16, 16); // fmt chunk size
  wav.writeUInt16LE(1, 20); // PCM
  wav.writeUInt16LE(1, 22); // mono
  wav.writeUInt32LE(sampleRate, 24);
  wav.writeUInt32LE(sampleRate * 2, 28); // byte rate
  wav.writeUInt16LE(2, 32); // block align
  wav.writeUInt16LE(16, 34); // bits per sample
  wav.write('data', 36, 'ascii');
  wav.writeUInt32LE(dataBytes, 40);
  return wav;
}

/** Path of a simulated call's recording on the simulator (served without a bearer token, like Retell's public URLs). */
export const recordingPath = (callId: string) => `/recordings/${callId}.wav`;
