import { describe, expect, it } from 'vitest';
import { managedDrift } from './assistant-drift.js';
import { managedFields, SERVER_BACKOFF_PLAN } from './clinic-assistant.js';

const SERVER = { url: 'https://api.example.test/webhooks/vapi', credentialId: 'cred_1' };
const wanted = managedFields({ clinicId: 'clinic-1' }, SERVER);
/** An assistant exactly as the sync writes it, plus settings staff own (prompt, voice, a server timeout, extra metadata). */
const synced = (): { id: string } & Record<string, any> => ({
  id: 'asst-1',
  ...structuredClone(wanted),
  server: { ...(wanted.server as object), timeoutSeconds: 20 },
  metadata: { ...(wanted.metadata as object), note: 'kept' },
  voice: { provider: 'vapi', voiceId: 'Elliot' },
  firstMessage: 'Hello',
});

describe('managedDrift', () => {
  it('an assistant carrying our managed fields (and settings of its own) has no drift', () => {
    expect(managedDrift(synced(), wanted)).toEqual({ fields: [], patch: {} });
  });

  it('a moved server URL is drift of server.url only; the patch keeps the timeout and puts our URL, credential and retries', () => {
    const a = synced();
    a.server = { ...a.server, url: 'https://old.example.test/webhooks/vapi' };
    expect(managedDrift(a, wanted)).toEqual({
      fields: ['server.url'],
      patch: { server: { url: SERVER.url, credentialId: 'cred_1', backoffPlan: SERVER_BACKOFF_PLAN, timeoutSeconds: 20 } },
    });
  });

  it('a missing backoffPlan and a missing analysis field are both reported; an extra analysis field is kept in the patch', () => {
    const a = synced() as Record<string, any>;
    delete a.server.backoffPlan;
    const properties = a.analysisPlan.structuredDataPlan.schema.properties;
    delete properties.opt_out;
    properties.pet_weight = { type: 'string', description: 'weight' };
    const { fields, patch } = managedDrift(a as never, wanted);
    expect(fields).toEqual(['server.backoffPlan', 'analysisPlan.structuredDataPlan']);
    const patched = (patch as any).analysisPlan.structuredDataPlan.schema.properties;
    expect(Object.keys(patched).sort()).toEqual(['callback_requested', 'concern_level', 'opt_out', 'owner_questions', 'pet_weight']);
  });
});
