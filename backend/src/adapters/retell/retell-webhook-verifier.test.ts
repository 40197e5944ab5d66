import { describe, expect, it } from 'vitest';
import { RetellWebhookVerifier } from './retell-webhook-verifier.js';

const verifier = new RetellWebhookVerifier(async () => 'key');
const body = (call: Record<string, unknown>) => JSON.stringify({ event: 'call_analyzed', call: { call_id: 'call_1', ...call } });

describe('RetellWebhookVerifier.parse', () => {
  it('reads our post-call analysis fields, the transcript (user → owner) and the recording URL', () => {
    const event = verifier.parse(
      body({
        metadata: { call_id: 'c-1', attempt: '2' },
        recording_url: 'https://recordings.example/call_1.wav',
        transcript_object: [
          { role: 'agent', content: 'How is Bella?', words: [] },
          { role: 'user', content: 'Vomiting since yesterday.', words: [] },
          { role: 'transfer_target', content: 'Clinic desk.', words: [] },
        ],
        call_analysis: {
          call_summary: 'Bella is unwell',
          custom_analysis_data: { concern_level: 'urgent', callback_requested: true, opt_out: false, owner_questions: '  Can she eat?  ' },
        },
      }),
    );
    expect(event).toMatchObject({ callId: 'c-1', attempt: 2, recordingUrl: 'https://recordings.example/call_1.wav' });
    expect(event.transcript).toEqual([
      { role: 'agent', text: 'How is Bella?' },
      { role: 'owner', text: 'Vomiting since yesterday.' },
    ]);
    expect(event.analysis).toMatchObject({ concernLevel: 'urgent', callbackRequested: true, optOutRequested: false, ownerQuestions: 'Can she eat?' });
  });

  it('ignores analysis values of the wrong shape and empty questions instead of refusing the event', () => {
    const event = verifier.parse(
      body({ transcript_object: [], call_analysis: { custom_analysis_data: { concern_level: 'very bad', callback_requested: 'yes', owner_questions: ' ' } } }),
    );
    expect(event.analysis).toMatchObject({ concernLevel: undefined, callbackRequested: undefined, ownerQuestions: undefined });
    expect(event.transcript).toBeUndefined();
    expect(event.recordingUrl).toBeUndefined();
  });
});

describe('RetellWebhookVerifier.verify', () => {
  it('a body for which no key can be found is refused, even with a signature', async () => {
    const raw = body({});
    expect(await new RetellWebhookVerifier(async () => undefined).verify(raw, 'v=1,d=00')).toBe(false);
  });
});
