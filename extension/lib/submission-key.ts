/** The idempotency key of one dialog submission and what was submitted with it. */
export interface SubmissionKey {
  key: string;
  /** A stable text of the submitted body (e.g. `JSON.stringify`). */
  fingerprint: string;
}

/**
 * Picks the `Idempotency-Key` for a submission: the previous key when the same body is submitted again (a retry
 * after a network error or timeout must not create a second call), a fresh UUID otherwise.
 */
export function keyForSubmission(
  previous: SubmissionKey | undefined,
  fingerprint: string,
  newKey: () => string = () => crypto.randomUUID(),
): SubmissionKey {
  return previous && previous.fingerprint === fingerprint ? previous : { key: newKey(), fingerprint };
}
