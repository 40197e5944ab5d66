import { describe, expect, it } from 'vitest';
import { parseVapiServerMessage } from './vapi-server-message.js';

const call = { id: 'vc-1', assistantOverrides: { metadata: { call_id: 'call-1', attempt: 2, clinic_id: 'k' } } };

describe('parseVapiServerMessage', () => {
  it('status-update in-progress is a start carrying our ids', () => {
    const event = parseVapiServerMessage(JSON.stringify({ message: { type: 'status-update', status: 'in-progress', call } }));
    expect(event).toEqual({ kind: 'call_started', name: 'status-update.in-progress', providerCallId: 'vc-1', callId: 'call-1', attempt: 2 });
  });

  it('end-of-call-report brings the ending, analysis fields, transcript, recording and duration', () => {
    const event = parseVapiServerMessage(
      JSON.stringify({
        message: {
          type: 'end-of-call-report',
          endedReason: 'customer-ended-call',
          startedAt: '2026-12-03T07:00:00.000Z',
          endedAt: '2026-12-03T07:01:30.000Z',
          call,
          artifact: {
            messages: [
              { role: 'system', message: 'prompt' },
              { role: 'bot', message: 'How is Bella?' },
              { role: 'user', message: 'Not eating.' },
            ],
            recording: { mono: { combinedUrl: 'https://rec.example/1.wav' } },
          },
          analysis: {
            summary: 'Bella is not eating.',
            structuredData: { concern_level: 'urgent', callback_requested: true, opt_out: false, owner_questions: ' Why? ', extra: 1 },
          },
        },
      }),
    );
    expect(event).toEqual({
      kind: 'call_analyzed',
      name: 'end-of-call-report',
      providerCallId: 'vc-1',
      callId: 'call-1',
      attempt: 2,
      startedAt: '2026-12-03T07:00:00.000Z',
      endedAt: '2026-12-03T07:01:30.000Z',
      durationMs: 90_000,
      disconnectionReason: 'agent_hangup',
      analysis: { summary: 'Bella is not eating.', inVoicemail: false, optOutRequested: false, concernLevel: 'urgent', callbackRequested: true, ownerQuestions: 'Why?' },
      transcript: [
        { role: 'agent', text: 'How is Bella?' },
        { role: 'owner', text: 'Not eating.' },
      ],
      recordingUrl: 'https://rec.example/1.wav',
    });
  });

  it('status-update ended classifies the endedReason; a wrongly typed analysis field is ignored', () => {
    const ended = parseVapiServerMessage(JSON.stringify({ message: { type: 'status-update', status: 'ended', endedReason: 'customer-busy', call } }));
    expect(ended).toMatchObject({ kind: 'call_ended', name: 'status-update.ended', disconnectionReason: 'dial_busy' });
    const report = parseVapiServerMessage(
      JSON.stringify({ message: { type: 'end-of-call-report', endedReason: 'voicemail', call, analysis: { structuredData: { concern_level: 'huge' } } } }),
    );
    expect(report.analysis).toMatchObject({ inVoicemail: true, concernLevel: undefined });
    expect(report.disconnectionReason).toBe('voicemail_reached');
  });

  it('other message types change nothing; a body that is not a server message throws', () => {
    expect(parseVapiServerMessage(JSON.stringify({ message: { type: 'speech-update', call } })).kind).toBe('other');
    expect(() => parseVapiServerMessage('{"event":"call_ended"}')).toThrow();
    expect(() => parseVapiServerMessage('not json')).toThrow();
  });
});
