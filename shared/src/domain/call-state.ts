import type { CallStatus } from '../api/call.js';

/** States from which a call never moves again. */
export const TERMINAL_STATUSES: ReadonlySet<CallStatus> = new Set(['completed', 'failed', 'cancelled']);

/**
 * Allowed status moves. `dialing → scheduled` is a retry (or a deferral when the provider is at capacity);
 * `in_progress → scheduled` is a retry after an unanswered/voicemail attempt; `dialing → completed|failed`
 * covers calls that end before `call_started` arrives (Retell sends no `call_started` for calls that never connect).
 */
const TRANSITIONS: Record<CallStatus, readonly CallStatus[]> = {
  scheduled: ['dialing', 'cancelled', 'failed', 'scheduled'],
  dialing: ['in_progress', 'completed', 'failed', 'scheduled'],
  in_progress: ['completed', 'failed', 'scheduled'],
  completed: [],
  failed: [],
  cancelled: [],
};

/** True when `from → to` is a legal move of the call state machine. */
export function canTransition(from: CallStatus, to: CallStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/**
 * True when a write may take a stored call from status `from` to `to`: a move of the transition table, or a write
 * that keeps the status (attaching the provider's call id, the analysis to a finished call, …), which is no move.
 */
export function isLegalStatusWrite(from: CallStatus, to: CallStatus): boolean {
  return from === to || canTransition(from, to);
}

/** True for `completed`, `failed` and `cancelled`. */
export function isTerminal(status: CallStatus): boolean {
  return TERMINAL_STATUSES.has(status);
}

/** Thrown when code asks for a move the state machine forbids. */
export class IllegalTransitionError extends Error {
  constructor(
    readonly from: CallStatus,
    readonly to: CallStatus,
  ) {
    super(`A call cannot go from ${from} to ${to}`);
    this.name = 'IllegalTransitionError';
  }
}

/** Returns `to` when legal, otherwise throws {@link IllegalTransitionError}. */
export function assertTransition(from: CallStatus, to: CallStatus): CallStatus {
  if (!canTransition(from, to)) throw new IllegalTransitionError(from, to);
  return to;
}
