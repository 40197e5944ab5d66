import { findCallSlot, NoCallSlotError, type CallRecord, type CallSlot, type Clinic } from '@vfc/shared';
import type { RecipientZoneLookup } from '../ports/recipient-zones.js';
import type { AppLogger } from '../ports/logger.js';
import { AppError } from './errors.js';

/**
 * The zones whose 08:00–21:00 bound a call must respect, found when it is SCHEDULED: the call's own
 * `recipientTimezone` when staff gave one, else the zones of the number (libphonenumber's mapping), else none (the
 * window then uses the clinic's zone). Only scheduling looks the number up; the zones are stored on the call
 * ({@link zonesToStore}) and the dialer and retries read them back with {@link storedRecipientZones}.
 */
export async function recipientZonesFor(
  deps: { recipientZones: RecipientZoneLookup },
  phoneNumber: string,
  recipientTimezone: string | undefined,
): Promise<string[]> {
  if (recipientTimezone) return [recipientTimezone];
  return deps.recipientZones(phoneNumber);
}

/**
 * The `recipientZones` field a call stores: the number's zones when they were looked up (no `recipientTimezone`),
 * `{}` when staff's zone wins (nothing to store).
 */
export function zonesToStore(recipientTimezone: string | undefined, zones: readonly string[]): { recipientZones?: string[] } {
  return recipientTimezone ? {} : { recipientZones: [...zones] };
}

/**
 * The zones of a stored call, without looking the number up: `recipientTimezone`, else the `recipientZones` found at
 * scheduling time (`[]` = the number has no known zone: the clinic's zone applies). A call stored before zones were
 * stored has neither: it falls back to the clinic's zone (`[]`) and a warning is logged (ids only, never the number).
 */
export function storedRecipientZones(deps: { logger: AppLogger }, call: CallRecord): string[] {
  if (call.recipientTimezone) return [call.recipientTimezone];
  if (call.recipientZones) return [...call.recipientZones];
  deps.logger.warn("call has no stored recipient zones: the calling window uses the clinic's zone", {
    callId: call.callId,
    clinicId: call.clinicId,
  });
  return [];
}

/**
 * The first instant at or after `requested` when `clinic` may call a number in `zones`.
 * @throws AppError 422 `no_slot` when the clinic has no open slot within the search horizon.
 */
export function slotFor(clinic: Clinic, requested: Date, zones: readonly string[]): CallSlot {
  try {
    return findCallSlot({ requested, rules: clinic, recipientZones: zones });
  } catch (error) {
    if (error instanceof NoCallSlotError) throw new AppError(422, 'no_slot', error.message);
    throw error;
  }
}
