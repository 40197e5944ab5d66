import { isDeepStrictEqual } from 'node:util';
import type { AssistantSummary } from '../../ports/voice-account.js';

type Obj = Record<string, unknown>;
const obj = (value: unknown): Obj => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Obj) : {});

/** What differs between an assistant and the fields we manage on it, and the PATCH body that puts ours back. */
export interface ManagedDrift {
  /** Dotted names of the drifted managed fields (e.g. `server.url`, `analysisPlan.structuredDataPlan`); empty = none. */
  fields: string[];
  /** Top-level fields to send (nested objects whole, as Vapi replaces them); the assistant's other settings are kept. */
  patch: Obj;
}

/**
 * Compares only what we manage (see `managedFields` in clinic-assistant.ts): `server.url`, `server.credentialId`,
 * `server.backoffPlan`, `serverMessages`, our tag keys in `metadata`, and our fields in
 * `analysisPlan.structuredDataPlan` (enabled, and each of our schema properties). Anything else on the assistant —
 * a server timeout, other metadata keys, extra analysis fields added in the editor, the prompt, the voice — is not
 * drift and is carried over unchanged in the patch. Pure.
 */
export function managedDrift(current: AssistantSummary, wanted: Obj): ManagedDrift {
  const fields: string[] = [];
  const patch: Obj = {};

  const server = obj(current.server);
  const wantedServer = obj(wanted.server);
  const serverDrift = (['url', 'credentialId', 'backoffPlan'] as const).filter((k) => !isDeepStrictEqual(server[k], wantedServer[k]));
  if (serverDrift.length) {
    fields.push(...serverDrift.map((k) => `server.${k}`));
    const { credentialId: _old, ...kept } = server;
    patch.server = { ...kept, ...wantedServer };
  }

  if (!isDeepStrictEqual(current.serverMessages, wanted.serverMessages)) {
    fields.push('serverMessages');
    patch.serverMessages = wanted.serverMessages;
  }

  const metadata = obj(current.metadata);
  const tag = obj(wanted.metadata);
  if (Object.entries(tag).some(([k, v]) => metadata[k] !== v)) {
    fields.push('metadata');
    patch.metadata = { ...metadata, ...tag };
  }

  const plan = obj(current.analysisPlan);
  const dataPlan = obj(plan.structuredDataPlan);
  const schema = obj(dataPlan.schema);
  const properties = obj(schema.properties);
  const wantedPlan = obj(obj(wanted.analysisPlan).structuredDataPlan);
  const ours = obj(obj(wantedPlan.schema).properties);
  if (dataPlan.enabled !== true || Object.entries(ours).some(([name, spec]) => !isDeepStrictEqual(properties[name], spec))) {
    fields.push('analysisPlan.structuredDataPlan');
    patch.analysisPlan = { ...plan, structuredDataPlan: { ...dataPlan, enabled: true, schema: { ...schema, type: 'object', properties: { ...properties, ...ours } } } };
  }
  return { fields, patch };
}
