import { lookupRecipientZones } from '../../../../backend/src/adapters/phone-zones/lookup-recipient-zones.js';

/** Test entry bundled like a handler: the backend's real recipient-zone lookup, nothing else. */
export const handler = async (event: { phoneNumber: string }): Promise<string[]> => lookupRecipientZones(event.phoneNumber);
