import type { Clinic } from '@vfc/shared';
import type { Dependencies } from './dependencies.js';

/**
 * `deps` for one invocation, whose `clinics.getClinic` reads each clinic at most once (concurrent callers share the
 * read; a failed read is forgotten, so a retry reads again). Everything else is `deps` unchanged. Safe because a
 * clinic's settings are only inputs here: no write of the invocation is conditional on them, so every step sees the
 * clinic as it was at the invocation's one read of it, exactly as if that read were passed down.
 */
export function readingClinicsOnce<D extends Pick<Dependencies, 'clinics'>>(deps: D): D {
  const reads = new Map<string, Promise<Clinic | undefined>>();
  const store = deps.clinics;
  // The store's other methods keep working (and keep their own `this`) through the prototype.
  const clinics = Object.create(store) as Dependencies['clinics'];
  clinics.getClinic = (clinicId) => {
    let read = reads.get(clinicId);
    if (!read) {
      read = store.getClinic(clinicId);
      reads.set(clinicId, read);
      read.catch(() => reads.delete(clinicId));
    }
    return read;
  };
  return { ...deps, clinics };
}
