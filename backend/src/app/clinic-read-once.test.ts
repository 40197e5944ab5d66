import { describe, expect, it } from 'vitest';
import type { Clinic } from '@vfc/shared';
import type { Dependencies } from './dependencies.js';
import { readingClinicsOnce } from './clinic-read-once.js';

/** A clinic store counting its reads; `fail` makes the next read reject. */
function countingStore() {
  const reads: string[] = [];
  let fail = false;
  const store = {
    async getClinic(clinicId: string) {
      reads.push(clinicId);
      if (fail) {
        fail = false;
        throw new Error('table unavailable');
      }
      return { clinicId } as Clinic;
    },
    async listClinicIds() {
      return ['kept'];
    },
  };
  return { reads, store: store as unknown as Dependencies['clinics'], failNext: () => void (fail = true) };
}

describe('readingClinicsOnce', () => {
  it('reads each clinic exactly once, concurrent callers included', async () => {
    const { reads, store } = countingStore();
    const deps = readingClinicsOnce({ clinics: store });
    await Promise.all([deps.clinics.getClinic('a'), deps.clinics.getClinic('a'), deps.clinics.getClinic('b')]);
    await deps.clinics.getClinic('a');
    expect(reads).toEqual(['a', 'b']);
  });

  it('reads again after a failed read', async () => {
    const { reads, store, failNext } = countingStore();
    const deps = readingClinicsOnce({ clinics: store });
    failNext();
    await expect(deps.clinics.getClinic('a')).rejects.toThrow('table unavailable');
    expect(await deps.clinics.getClinic('a')).toEqual({ clinicId: 'a' });
    expect(reads).toEqual(['a', 'a']);
  });

  it('keeps the store’s other methods and leaves the original dependencies reading as before', async () => {
    const { reads, store } = countingStore();
    const original = { clinics: store };
    const deps = readingClinicsOnce(original);
    expect(await (deps.clinics as unknown as { listClinicIds(): Promise<string[]> }).listClinicIds()).toEqual(['kept']);
    await deps.clinics.getClinic('a');
    await original.clinics.getClinic('a');
    expect(reads).toEqual(['a', 'a']);
  });
});
