import type { Clinic } from '@vfc/shared';
import type { IdempotentReplay } from './call-store.js';

/** What a new call's request needs to know before anything is checked, read together. */
export interface CallRequestFacts {
  /** The clinic; `undefined` when it does not exist. */
  clinic?: Clinic;
  /** Is the number on the clinic's do-not-call list? */
  optedOut: boolean;
  /** The call an earlier request with the same idempotency key made (only when a key was given and was seen). */
  earlier?: IdempotentReplay;
}

/**
 * The independent single-item reads of `POST /calls` in one round trip (the clinic, the number's do-not-call entry,
 * the idempotency key), each strongly consistent. The same answers as `ClinicStore.getClinic`,
 * `OptOutStore.isOptedOut` and `CallStore.findByIdempotencyKey`; a seen key costs one more read (its call).
 */
export interface CallRequestReads {
  /** @param phoneNumber E.164 @param idempotencyKey the request's `Idempotency-Key`, if any */
  read(clinicId: string, phoneNumber: string, idempotencyKey?: string): Promise<CallRequestFacts>;
}
