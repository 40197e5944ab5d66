import { findCallSlot, NoCallSlotError, type CallSlot, type Clinic } from '@vfc/shared';
import { AppError } from './errors.js';
import type { Dependencies } from './dependencies.js';

/**
 * The zones whose 08:00–21:00 bound a call must respect: the call's own `recipientTimezone` when staff gave one,
 * else the zones of the number (libphonenumber's mapping), else none (the window then uses the clinic's zone).
 */
export async function recipientZonesFor(
  deps: Pick<Dependencies, 'recipientZones'>,
  phoneNumber: string,
  recipientTimezone: string | undefined,
): Promise<string[]> {
  if (recipientTimezone) return [recipientTimezone];
  return deps.recipientZones(phoneNumber);
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
