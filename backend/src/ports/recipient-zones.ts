/** IANA zones a phone number may be in (libphonenumber's timezone mapping); `[]` when unknown. */
export type RecipientZoneLookup = (e164: string) => Promise<string[]>;
