import * as z from '../zod.js';
import {
  AgentAuditReport,
  AgentSyncReport,
  CleanupOrphanedAgentsResponse,
  ClinicAgentSettings,
  ListAgentsResponse,
  ListVoicesResponse,
  UpdateClinicAgentRequest,
} from './agents.js';
import { Call, ExportCallsQuery, ListCallsQuery, ListCallsResponse, RescheduleCallRequest } from './call.js';
import { CreateCallRequest } from './call-request.js';
import { ClinicSettings, UpdateClinicSettingsRequest } from './clinic-settings.js';
import { ClinicVoice, UpdateClinicVoiceRequest, UpdateClinicVoiceResponse } from './clinic-voice.js';
import {
  AddKnowledgeSourceRequest,
  CreateKnowledgeUploadRequest,
  CreateKnowledgeUploadResponse,
  KnowledgeSource,
  KnowledgeSourceIdPath,
  ListKnowledgeResponse,
} from './knowledge.js';
import { AddOptOutResponse, ListOptOutsResponse } from './opt-outs.js';
import { AddOptOutRequest, OptOutPathNumber } from './opt-out-request.js';
import { ListStaffResponse } from './staff.js';
import type { HandlerName } from './routes.js';
import { ResolveCallRequest } from './triage.js';
import { GetClinicResponse } from '../domain/clinic.js';

/**
 * What a successful answer carries: a zod schema of its JSON body, `csv` (a `text/csv` download) or `empty` (no body,
 * e.g. 204).
 */
export type SuccessBody = z.ZodMiniType | 'csv' | 'empty';

/** The HTTP statuses an operation may answer with the API's error shape (the gateway's own 401/403 included). */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429 | 500 | 502 | 503;

/**
 * One route's contract beside its entry in `API_ROUTES`: what it reads and what it answers. The OpenAPI document
 * (`openapi.ts`) is generated from this table and the route table, so the schemas the handlers validate with are the
 * schemas the document publishes.
 */
export interface ApiOperation {
  /** One line, imperative: shown as the operation's title in the reference. */
  summary: string;
  /** Longer Markdown, when the summary is not enough. */
  description?: string;
  /** Query parameters (each property one parameter). */
  query?: z.ZodMiniType;
  /** Path parameters other than plain strings (every `{name}` of the path is a parameter; default `string`). */
  path?: z.ZodMiniObject;
  /** Request headers (each property one header). */
  headers?: z.ZodMiniObject;
  /** JSON request body. */
  body?: z.ZodMiniType;
  /** Successful answers by status. */
  responses: Partial<Record<200 | 201 | 204, SuccessBody>>;
  /** Error answers besides those of the route's auth kind (401/403 for token routes) and 500. */
  errors: readonly ErrorStatus[];
  /** Signature scheme of a `webhook` route (default `retellSignature`). */
  signature?: 'retellSignature' | 'vapiSignature';
}

/** A schema as published, with an example (`.meta` makes a copy: the handlers' schema is unchanged). */
const withExample = <T extends z.ZodMiniType>(schema: T, example: unknown): T => z.withMeta(schema, { example }) as T;

const CALL_EXAMPLE = {
  callId: '4b0c7a52-3f7e-4d0a-9d55-2a1e6f0c9b11',
  consultationId: '310382',
  petName: 'Bella',
  ownerName: 'Jane Doe',
  phoneNumber: '+14155550101',
  scheduledFor: '2026-12-04T18:00:00.000Z',
  status: 'scheduled',
  attention: 'none',
  attentionReasons: [],
  attempt: 1,
  attempts: [],
  createdAt: '2026-12-03T17:12:40.000Z',
  updatedAt: '2026-12-03T17:12:40.000Z',
};

const WORKDAY = [{ start: '09:00', end: '17:00' }];

/** `Idempotency-Key` on `POST /calls` (optional; same key and body → the same call, 200). */
const IdempotencyHeaders = z.object({
  'idempotency-key': z.withMeta(z.optional(z.string().check(z.minLength(1), z.maxLength(255))), {
    description: 'Client-chosen key: a retry with the same key and body answers the first call (200), a different body 422.',
  }),
});

/** `{callId}` of the call routes. */
const CallIdPath = z.object({
  callId: z.withMeta(z.string().check(z.minLength(1)), { description: 'The call id (`POST /calls` answer `callId`).' }),
});

/**
 * A Retell webhook delivery (docs.retellai.com, "Webhook"): `event` and the `call` object; only the fields the
 * product reads are described, everything else is accepted and ignored.
 */
const RetellWebhookBody = z.withMeta(
  z.looseObject({
    event: z.withMeta(z.string(), { example: 'call_ended' }),
    call: z.looseObject({ call_id: z.string() }),
  }),
  { description: 'Signed by Retell in `x-retell-signature` (HMAC-SHA256 of the raw body with the API key).' },
);

/** Answer of a webhook delivery: what applying it did (`applied`, `duplicate`, `stale`, `ignored`, …). */
const WebhookResult = z.object({ result: z.string() });

/** Every route's contract, keyed by the handler that serves it (a new route without an entry fails to compile). */
export const API_OPERATIONS = {
  'create-call': {
    summary: 'Schedule a follow-up call',
    description:
      "Stores the call and schedules its first attempt inside the clinic's calling hours. A time outside them is moved to " +
      'the next allowed instant and the answer says so in `requestedFor` and `statusReason`.',
    headers: IdempotencyHeaders,
    body: withExample(CreateCallRequest, {
      consultationId: '310382',
      petName: 'Bella',
      ownerName: 'Jane Doe',
      phoneNumber: '(415) 555-0101',
      vetName: 'Dr. Rivera',
      dischargeSummary: 'Dental cleaning, two extractions. Soft food for 5 days.',
      scheduledFor: '2026-12-04T10:00:00-08:00',
    }),
    responses: { 201: withExample(Call, CALL_EXAMPLE), 200: withExample(Call, CALL_EXAMPLE) },
    errors: [400, 404, 409, 422, 503],
  },
  'list-calls': {
    summary: "List the clinic's calls",
    description: "With `consultationId`: that consultation's calls. Without: a filtered page of every call, newest due first.",
    query: ListCallsQuery,
    responses: { 200: ListCallsResponse },
    errors: [400],
  },
  'export-calls': {
    summary: 'Download calls as CSV',
    description: "Calls due in [`from`, `to`) (at most 92 days), times in the clinic's zone.",
    query: ExportCallsQuery,
    responses: { 200: 'csv' },
    errors: [400],
  },
  'get-call': { summary: 'Read one call', path: CallIdPath, responses: { 200: Call }, errors: [404] },
  'reschedule-call': {
    summary: 'Move a scheduled call',
    path: CallIdPath,
    body: withExample(RescheduleCallRequest, { scheduledFor: '2026-12-05T09:30:00-08:00' }),
    responses: { 200: Call },
    errors: [400, 404, 409, 422],
  },
  'cancel-call': { summary: 'Cancel a scheduled call', path: CallIdPath, responses: { 200: Call }, errors: [404, 409] },
  'resolve-call': {
    summary: 'Mark an ended call as handled',
    path: CallIdPath,
    body: withExample(ResolveCallRequest, { note: 'Called the owner back; recheck booked for Friday.' }),
    responses: { 200: Call },
    errors: [400, 404, 409],
  },
  'reopen-call': { summary: 'Reopen a resolved call', path: CallIdPath, responses: { 200: Call }, errors: [404, 409] },
  'get-clinic': {
    summary: "Read the caller's clinic (name, zone, hours) and the token's role",
    responses: { 200: GetClinicResponse },
    errors: [404],
  },
  'retell-webhook': {
    summary: 'Receive a Retell call event',
    description: 'Called by Retell, not by clients: verified by its signature, applied idempotently and in any order.',
    body: RetellWebhookBody,
    responses: { 200: WebhookResult },
    errors: [400, 403],
  },
  'vapi-webhook': {
    summary: 'Receive a Vapi server message',
    description: 'Called by Vapi, not by clients: HMAC-SHA256 over `<x-timestamp>.<raw body>` in `x-signature`, ±5 minutes.',
    signature: 'vapiSignature',
    body: z.looseObject({ message: z.looseObject({ type: z.withMeta(z.string(), { example: 'end-of-call-report' }) }) }),
    responses: { 200: WebhookResult },
    errors: [400],
  },
  'get-clinic-voice': { summary: "Read the clinic's voice provider and account", responses: { 200: ClinicVoice }, errors: [404] },
  'update-clinic-voice': {
    summary: "Change the clinic's voice provider, account key or number",
    description:
      "The key is tested with the provider before anything is stored; it is kept in Secrets Manager and never returned. For Vapi, the clinic's follow-up assistant is then created or updated in that account and the answer reports it (`sync`). One save at a time per clinic: a concurrent one answers 409 `save_in_progress`.",
    body: UpdateClinicVoiceRequest,
    responses: { 200: UpdateClinicVoiceResponse },
    errors: [400, 404, 409, 503],
  },
  'sync-agents': {
    summary: 'Sync the voice-agent registry from the provider',
    responses: { 200: AgentSyncReport },
    errors: [502, 503],
  },
  'list-agents': { summary: 'List the voice-agent registry', responses: { 200: ListAgentsResponse }, errors: [] },
  'audit-agents': { summary: 'Audit the voice agents (read-only)', responses: { 200: AgentAuditReport }, errors: [502, 503] },
  'cleanup-orphaned-agents': {
    summary: 'Remove orphaned agents past their retention',
    responses: { 200: CleanupOrphanedAgentsResponse },
    errors: [],
  },
  'list-voices': { summary: "List the provider's voices", responses: { 200: ListVoicesResponse }, errors: [502, 503] },
  'get-clinic-agent': { summary: "Read the clinic's agent settings", responses: { 200: ClinicAgentSettings }, errors: [404, 502, 503] },
  'update-clinic-agent': {
    summary: "Change the clinic's agent (update, then publish)",
    body: withExample(UpdateClinicAgentRequest, { greeting: 'Hi {{owner_name}}, this is Pawsome Vet calling about {{pet_name}}.' }),
    responses: { 200: ClinicAgentSettings },
    errors: [400, 404, 409, 422, 502, 503],
  },
  'get-clinic-settings': { summary: "Read the clinic's calling rules", responses: { 200: ClinicSettings }, errors: [404] },
  'update-clinic-settings': {
    summary: "Change the clinic's calling rules",
    body: withExample(UpdateClinicSettingsRequest, {
      timezone: 'America/Los_Angeles',
      weeklyHours: { mon: WORKDAY, tue: WORKDAY, wed: WORKDAY, thu: WORKDAY, fri: WORKDAY, sat: [], sun: [] },
      closedDates: ['2026-12-25'],
      maxCallsPer30Days: 3,
    }),
    responses: { 200: ClinicSettings },
    errors: [400, 404],
  },
  'list-opt-outs': { summary: 'List the do-not-call numbers', responses: { 200: ListOptOutsResponse }, errors: [] },
  'add-opt-out': {
    summary: 'Add a number to the do-not-call list',
    description: 'Also cancels the calls still scheduled to that number (`cancelledCallIds`). 201 when added, 200 when it was already there.',
    body: withExample(AddOptOutRequest, { phoneNumber: '+14155550101', reason: 'Owner asked not to be called' }),
    responses: { 201: AddOptOutResponse, 200: AddOptOutResponse },
    errors: [400],
  },
  'remove-opt-out': {
    summary: 'Remove a number from the do-not-call list',
    path: z.object({ phoneNumber: z.withMeta(OptOutPathNumber, { description: 'URL-encoded E.164, e.g. `%2B15551230101`.' }) }),
    responses: { 204: 'empty' },
    errors: [400, 404],
  },
  'list-staff': {
    summary: "List the clinic's people",
    description:
      'Everyone invited to sign in, with role, last activity (exact to about 5 minutes: the gateway caches a sign-in check that long) and whether ops disabled them. Clinic API keys are not people and are not listed.',
    responses: { 200: ListStaffResponse },
    errors: [],
  },
  'list-knowledge': {
    summary: "List the clinic's knowledge sources",
    description: 'Each source with its sync status; `knowledgeBaseId` once the provider holds a copy.',
    responses: { 200: ListKnowledgeResponse },
    errors: [404],
  },
  'add-knowledge-source': {
    summary: 'Add a text, a web page or an uploaded document to the knowledge base',
    description:
      'Text ≤ 50,000 characters with a title ≤ 120; a URL must be https; a file names the `uploadId` of a finished upload. ' +
      'At most 50 sources per clinic (409 past it). The provider is updated in the background: follow `status` in `GET /clinic/knowledge`.',
    body: withExample(AddKnowledgeSourceRequest, { kind: 'text', title: 'Recheck visits', text: 'Rechecks after a dental are free within 14 days.' }),
    responses: { 201: KnowledgeSource },
    errors: [400, 404, 409],
  },
  'create-knowledge-upload': {
    summary: 'Get a one-time upload URL for a document',
    description:
      'PDF, plain text, Markdown or .docx, at most 5 MB (413 above). PUT the bytes to `url` with `headers` (the URL accepts only that type and length), then add it with `{kind: "file", uploadId}`.',
    body: withExample(CreateKnowledgeUploadRequest, { fileName: 'aftercare.pdf', contentType: 'application/pdf', bytes: 182_044 }),
    responses: { 201: CreateKnowledgeUploadResponse },
    errors: [400, 404, 413],
  },
  'sync-knowledge-now': {
    summary: 'Sync the knowledge base to the provider now',
    description: 'Starts a sync in the background (changes also start one); answers the sources as they are now.',
    responses: { 200: ListKnowledgeResponse },
    errors: [404],
  },
  'remove-knowledge-source': {
    summary: 'Remove a knowledge source',
    description: 'Gone here at once; removed from the provider by the background sync. The generated clinic facts cannot be removed (409).',
    path: KnowledgeSourceIdPath,
    responses: { 204: 'empty' },
    errors: [404, 409],
  },
  'get-openapi': { summary: 'This document (OpenAPI 3.1)', responses: { 200: z.looseObject({ openapi: z.string() }) }, errors: [] },
} as const satisfies Record<HandlerName, ApiOperation>;
