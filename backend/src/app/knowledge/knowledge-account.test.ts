import { describe, expect, it } from 'vitest';
import type { Clinic } from '@vfc/shared';
import { isBaseOfClinicAccount, knowledgeAgentOf } from './knowledge-account.js';

type VoiceClinic = Pick<Clinic, 'clinicId' | 'agentId' | 'voice'>;
const platformRetell: VoiceClinic = { clinicId: 'c1', agentId: 'agent_platform' };
const ownRetell: VoiceClinic = { clinicId: 'c1', agentId: 'agent_platform', voice: { provider: 'retell', account: 'clinic', agentId: 'agent_own', status: 'ok' } };
const platformVapi: VoiceClinic = { clinicId: 'c1', agentId: 'agent_platform', voice: { provider: 'vapi', account: 'platform', agentId: 'asst_1', status: 'ok' } };

describe('knowledgeAgentOf', () => {
  it('is the platform agent for a platform Retell clinic, the own agent on an own workspace, the assistant on Vapi', () => {
    expect(knowledgeAgentOf(platformRetell)).toBe('agent_platform');
    expect(knowledgeAgentOf(ownRetell)).toBe('agent_own');
    expect(knowledgeAgentOf(platformVapi)).toBe('asst_1');
  });

  it('is undefined for a clinic on its own workspace whose agent is not set up yet', () => {
    expect(knowledgeAgentOf({ ...ownRetell, voice: { ...ownRetell.voice!, agentId: undefined } })).toBeUndefined();
  });
});

describe('isBaseOfClinicAccount', () => {
  it('takes a base recorded before accounts were kept as the platform account of its provider', () => {
    expect(isBaseOfClinicAccount({ provider: 'retell', knowledgeBaseId: 'kb_1' }, platformRetell)).toBe(true);
    expect(isBaseOfClinicAccount({ provider: 'retell', knowledgeBaseId: 'kb_1' }, ownRetell)).toBe(false);
  });

  it('refuses a base of another provider or of another account of the same provider', () => {
    expect(isBaseOfClinicAccount({ provider: 'retell', account: 'retell:platform', knowledgeBaseId: 'kb_1' }, platformVapi)).toBe(false);
    expect(isBaseOfClinicAccount({ provider: 'retell', account: 'retell:platform', knowledgeBaseId: 'kb_1' }, ownRetell)).toBe(false);
    expect(isBaseOfClinicAccount({ provider: 'retell', account: 'retell:clinic:c1', knowledgeBaseId: 'kb_1' }, ownRetell)).toBe(true);
  });
});
