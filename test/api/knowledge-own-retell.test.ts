import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ListKnowledgeResponse, UpdateClinicVoiceResponse } from '@vfc/shared';
import { OWN_RETELL_NUMBERS, startLocalStack, type LocalStack } from '@vfc/backend/local/stack';
import { apiClient } from '../support/api.js';

/**
 * The knowledge base of a clinic that moves to its OWN Retell workspace, on the real local stack: the sync reaches that
 * workspace with the clinic's key (the Retell simulator's second workspace) and attaches the base to the agent synced
 * there, not to the platform's.
 */
const OWN_KEY = 'retell-knowledge-own-key-2468';
let stack: LocalStack;
beforeAll(async () => {
  stack = await startLocalStack({ retellClinicApiKey: OWN_KEY });
  await stack.lambda.settled();
});
afterAll(() => stack?.stop());

const admin = apiClient(() => stack.apiUrl, () => stack.adminToken);
const list = async () => ListKnowledgeResponse.parse((await admin('/clinic/knowledge')).json);

describe('knowledge base of a clinic on its own Retell workspace (local stack)', () => {
  it("moving to its own workspace re-sends every source there with that workspace's key and attaches the base to its agent there", async () => {
    const added = await admin('/clinic/knowledge', { method: 'POST', body: JSON.stringify({ kind: 'text', title: 'Parking', text: 'Behind the clinic.' }) });
    expect(added.status).toBe(201);
    await stack.lambda.settled();
    const onPlatform = await list();
    const saved = await admin('/clinic/voice', { method: 'PUT', body: JSON.stringify({ provider: 'retell', apiKey: OWN_KEY, fromNumber: OWN_RETELL_NUMBERS[0] }) });
    expect(saved.status).toBe(200);
    const ownAgentId = UpdateClinicVoiceResponse.parse(saved.json).voice.agentId!;
    await stack.lambda.settled();

    const now = await list();
    expect(now.items.map((s) => [s.kind, s.status])).toEqual(expect.arrayContaining([['text', 'ready'], ['clinic_facts', 'ready']]));
    expect(now.items).toHaveLength(2);
    const own = stack.simulator!.workspace(OWN_KEY)!;
    expect(own.knowledgeBases.ids()).toEqual([now.knowledgeBaseId]);
    expect(own.knowledgeBases.sourcesOf(now.knowledgeBaseId!)?.map((s) => (s.type === 'text' ? s.title.split(' [')[0] : s.type)).sort()).toEqual([
      expect.stringMatching(/^Clinic facts/),
      'Parking',
    ]);
    const ownLlm = (own.agents.get(ownAgentId)!.response_engine as { llm_id: string }).llm_id;
    expect(own.agents.getLlm(ownLlm)?.knowledge_base_ids).toEqual([now.knowledgeBaseId]);
    expect(stack.simulator!.knowledgeBases.ids()).toEqual([onPlatform.knowledgeBaseId]);
  });
});
