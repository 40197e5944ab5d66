import * as z from '../zod.js';

/**
 * The JSON IDEXX Neo's own page loads from `GET /consultations/<id>/page-data`.
 * Source: docs/idexx-neo.md (observed in public code, may change). Every field is optional, unknown
 * fields are kept, and a field of an unexpected type (e.g. `null`) reads as missing instead of failing the whole parse:
 * staff correct what was read in the dialog anyway.
 */
const opt = <T extends z.ZodMiniType>(schema: T) => z.catch(z.optional(schema), undefined);
const id = z.union([z.string(), z.number()]);
const text = z.string();

export const NeoConsultation = z.looseObject({
  id: opt(id),
  reason: opt(text),
  notes: opt(text),
  dischargeSummary: opt(text),
  /** As Neo sends it (observed: ISO date or date-time, no zone guaranteed). */
  date: opt(text),
  /** Observed: Draft | Completed | Unpaid | Partially paid | Paid. */
  status: opt(text),
});

export const NeoPatient = z.looseObject({
  id: opt(id),
  name: opt(text),
  species: opt(text),
  breed: opt(text),
});

/** The client is the pet's owner. Phone fields hold whatever staff typed into Neo (national or international). */
export const NeoClient = z.looseObject({
  id: opt(id),
  firstName: opt(text),
  lastName: opt(text),
  phone: opt(text),
  mobilePhone: opt(text),
  homePhone: opt(text),
  workPhone: opt(text),
  email: opt(text),
});

/** A provider is a vet (or nurse) on the consultation. */
export const NeoProvider = z.looseObject({
  id: opt(id),
  name: opt(text),
  email: opt(text),
  licenseNumber: opt(text),
  userType: opt(text),
  companyId: opt(id),
});

export const NeoPageDataInner = z.looseObject({
  providers: opt(z.array(NeoProvider)),
  /** The clinic branch. There is no clinic phone or timezone in page-data. */
  clientBranch: opt(z.looseObject({ id: opt(id), name: opt(text) })),
  consultationLines: opt(z.array(z.looseObject({ productService: opt(z.unknown()), quantity: opt(z.unknown()), isDeclined: opt(z.unknown()) }))),
  consultationNotes: opt(z.unknown()),
  vitalSignGroup: opt(z.unknown()),
});

export const NeoPageData = z.looseObject({
  consultation: opt(NeoConsultation),
  patient: opt(NeoPatient),
  client: opt(NeoClient),
  pageData: opt(NeoPageDataInner),
});
export type NeoPageData = z.infer<typeof NeoPageData>;

/**
 * Reads a page-data answer tolerantly.
 * @param json - the parsed JSON body of `/consultations/<id>/page-data`.
 * @returns the typed data (missing or malformed fields are `undefined`), or `undefined` when `json` is not an object.
 */
export function parsePageData(json: unknown): NeoPageData | undefined {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return undefined;
  const parsed = NeoPageData.safeParse(json);
  return parsed.success ? parsed.data : undefined;
}
