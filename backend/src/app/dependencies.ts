import type { AgentDirectory } from '../ports/agent-directory.js';
import type { AgentRegistry } from '../ports/agent-registry.js';
import type { CallRequestReads } from '../ports/call-request-reads.js';
import type { CallScheduler } from '../ports/call-scheduler.js';
import type { CallStore } from '../ports/call-store.js';
import type { ClinicStore } from '../ports/clinic-store.js';
import type { DialSlots } from '../ports/dial-slots.js';
import type { Clock } from '../ports/clock.js';
import type { AppLogger } from '../ports/logger.js';
import type { AppMetrics } from '../ports/metrics.js';
import type { NumberUsageStore } from '../ports/number-usage-store.js';
import type { OptOutStore } from '../ports/opt-out-store.js';
import type { RecipientZoneLookup } from '../ports/recipient-zones.js';
import type { VoiceLines } from '../ports/voice-lines.js';
import type { VoiceProvider } from '../ports/voice-provider.js';

/** Everything the use cases need, as ports. Built by `composition.ts` (AWS or local) or by a test. */
export interface Dependencies {
  calls: CallStore;
  clinics: ClinicStore;
  /** A new call's clinic, opt-out and idempotency key, read together (one round trip). */
  callRequestReads: CallRequestReads;
  scheduler: CallScheduler;
  /** The platform's Retell account (and, without `voiceLines`, every call's provider). */
  voice: VoiceProvider;
  /**
   * Every provider account calls can go through (platform Retell, platform Vapi, clinics' own Vapi accounts), each
   * with its own slots. Set by `composition.ts`; tests that wire one provider leave it out (then `voice` + `slots`).
   */
  voiceLines?: VoiceLines;
  /** The provider's agents and voices (Retell agent API). */
  agentDirectory: AgentDirectory;
  /** Our synced registry of those agents (DynamoDB). */
  agentRegistry: AgentRegistry;
  clock: Clock;
  /** The clinic's do-not-call list. */
  optOuts: OptOutStore;
  /** Dials per number, for the 30-day per-number cap. */
  numberUsage: NumberUsageStore;
  logger: AppLogger;
  /** Counters (e.g. refused illegal status moves). */
  metrics: AppMetrics;
  /**
   * The platform Retell account's provider-concurrency slots and waiting line. Set by `composition.ts` (AWS and local stack); a test may leave it
   * out, and then the dialer places due calls at once with no slot control.
   */
  slots?: DialSlots;
  /** New unique ids (call ids). */
  newId: () => string;
}

/**
 * The number → IANA zones lookup (libphonenumber's mapping and its data). Only scheduling and rescheduling look a
 * number up; they store the zones on the call (`recipientZones`), so the dialer and retries never need it and their
 * bundles leave the phone metadata out. Hence not part of {@link Dependencies}.
 */
export interface RecipientZoneDependencies {
  recipientZones: RecipientZoneLookup;
}
