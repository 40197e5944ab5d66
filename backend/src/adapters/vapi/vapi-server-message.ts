import * as z from '@vfc/shared/zod';
import { CONCERN_LEVELS } from '@vfc/shared';
import type { ProviderCallEvent } from '../../ports/provider-events.js';
import { toDisconnectionReason } from './vapi-ended-reason.js';

/**
 * The part of a Vapi server message we read (docs/vapi.md "Server messages"): `{ message: { type, call, … } }`.
 * Our ids travel in `call.assistantOverrides.metadata` (Vapi calls have no top-level metadata).
 */
const VapiServerMessage = z.object({
  message: z.looseObject({
    type: z.string(),
    status: z.catch(z.optional(z.string()), undefined),
    endedReason: z.catch(z.optional(z.string()), undefined),
    startedAt: z.catch(z.nullish(z.string()), undefined),
    endedAt: z.catch(z.nullish(z.string()), undefined),
    call: z.looseObject({
      id: z.string(),
      startedAt: z.catch(z.nullish(z.string()), undefined),
      endedAt: z.catch(z.nullish(z.string()), undefined),
      assistantOverrides: z.nullish(
        z.looseObject({
          metadata: z.catch(
            z.nullish(
              z.looseObject({
                call_id: z.optional(z.string()),
                attempt: z.optional(z.pipe(z.coerce.number(), z.int())),
                voice_account: z.optional(z.string()),
              }),
            ),
            undefined,
          ),
        }),
      ),
    }),
    artifact: z.nullish(
      z.looseObject({
        messages: z.catch(z.nullish(z.array(z.looseObject({ role: z.string(), message: z.optional(z.string()) }))), undefined),
        recordingUrl: z.catch(z.nullish(z.url()), undefined),
        recording: z.catch(
          z.nullish(z.looseObject({ mono: z.nullish(z.looseObject({ combinedUrl: z.catch(z.nullish(z.url()), undefined) })) })),
          undefined,
        ),
      }),
    ),
    analysis: z.nullish(
      z.looseObject({
        summary: z.nullish(z.string()),
        // Our assistants' structured-data plan asks for the same fields as the Retell agent's post-call analysis.
        structuredData: z.catch(
          z.nullish(
            z.looseObject({
              opt_out: z.catch(z.nullish(z.boolean()), undefined),
              concern_level: z.catch(z.nullish(z.enum(CONCERN_LEVELS)), undefined),
              callback_requested: z.catch(z.nullish(z.boolean()), undefined),
              owner_questions: z.catch(z.nullish(z.string()), undefined),
            }),
          ),
          undefined,
        ),
      }),
    ),
  }),
});

const ROLES: Record<string, 'agent' | 'owner'> = { bot: 'agent', assistant: 'agent', user: 'owner' };

/** Vapi's `artifact.messages` as our turns (`bot`/`assistant` → agent, `user` → owner; system/tool turns left out). */
function transcriptOf(messages: { role: string; message?: string }[] | null | undefined): ProviderCallEvent['transcript'] {
  const turns = (messages ?? []).flatMap((m) => (ROLES[m.role] && m.message ? [{ role: ROLES[m.role]!, text: m.message }] : []));
  return turns.length ? turns : undefined;
}

const iso = (value: string | null | undefined) => (value && !Number.isNaN(Date.parse(value)) ? new Date(value).toISOString() : undefined);

/**
 * A Vapi server message in our vocabulary. `status-update` `in-progress` is a start; `status-update` `ended` and
 * `end-of-call-report` carry the ending (its `endedReason` classified into the retry policy's reasons); the report
 * also brings the summary, structured data, transcript, recording URL and duration (endedAt − startedAt: Vapi sends
 * no duration field). Event names are distinct per kind so a redelivery, and only a redelivery, collides.
 * @throws ZodError / SyntaxError when the body is not a Vapi server message.
 */
export function parseVapiServerMessage(rawBody: string): ProviderCallEvent {
  const { message } = VapiServerMessage.parse(JSON.parse(rawBody));
  const { call } = message;
  const meta = call.assistantOverrides?.metadata;
  const transcript = transcriptOf(message.artifact?.messages);
  const startedAt = iso(message.startedAt ?? call.startedAt);
  const endedAt = iso(message.endedAt ?? call.endedAt);
  const ending = message.type === 'end-of-call-report' || (message.type === 'status-update' && message.status === 'ended');
  const started = message.type === 'status-update' && message.status === 'in-progress';
  const kind: ProviderCallEvent['kind'] =
    message.type === 'end-of-call-report' ? 'call_analyzed' : ending ? 'call_ended' : started ? 'call_started' : 'other';
  const name = message.type === 'status-update' ? `status-update.${message.status ?? 'unknown'}` : message.type;
  const analysis = message.analysis;
  const data = analysis?.structuredData;
  const disconnectionReason = ending
    ? toDisconnectionReason(message.endedReason, { ownerSpoke: transcript?.some((t) => t.role === 'owner') })
    : undefined;
  return {
    kind,
    name,
    providerCallId: call.id,
    ...(meta?.call_id ? { callId: meta.call_id } : {}),
    ...(meta?.attempt !== undefined ? { attempt: meta.attempt } : {}),
    ...(meta?.voice_account ? { voiceAccount: meta.voice_account } : {}),
    ...(startedAt ? { startedAt } : {}),
    ...(endedAt ? { endedAt } : {}),
    ...(startedAt && endedAt ? { durationMs: Math.max(0, Date.parse(endedAt) - Date.parse(startedAt)) } : {}),
    ...(disconnectionReason ? { disconnectionReason } : {}),
    ...(message.type === 'end-of-call-report' && analysis
      ? {
          analysis: {
            summary: analysis.summary ?? undefined,
            inVoicemail: disconnectionReason === 'voicemail_reached',
            optOutRequested: data?.opt_out ?? undefined,
            concernLevel: data?.concern_level ?? undefined,
            callbackRequested: data?.callback_requested ?? undefined,
            ownerQuestions: data?.owner_questions?.trim() ? data.owner_questions.trim() : undefined,
          },
        }
      : {}),
    ...(transcript ? { transcript } : {}),
    ...(message.artifact?.recording?.mono?.combinedUrl || message.artifact?.recordingUrl
      ? { recordingUrl: (message.artifact.recording?.mono?.combinedUrl ?? message.artifact.recordingUrl)! }
      : {}),
  };
}
