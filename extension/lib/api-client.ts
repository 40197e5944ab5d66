import * as z from '@vfc/shared/zod';
import { i18n } from '#i18n';
import {
  AddOptOutResponse,
  AgentAuditReport,
  AgentSyncReport,
  API_ROUTES,
  ApiError,
  Call,
  ClinicAgentSettings,
  ClinicSettings,
  ClinicVoice,
  GetClinicResponse,
  CleanupOrphanedAgentsResponse,
  IDEMPOTENCY_KEY_HEADER,
  ListAgentsResponse,
  ListCallsResponse,
  ListKnowledgeResponse,
  KnowledgeSource,
  CreateKnowledgeUploadResponse,
  type AddKnowledgeSourceRequest,
  type CreateKnowledgeUploadRequest,
  ListOptOutsResponse,
  ListVoicesResponse,
  UpdateClinicVoiceResponse,
  type AddOptOutRequest,
  type Attention,
  type CallStatus,
  type CreateCallRequest,
  type HandlerName,
  type UpdateClinicAgentRequest,
  type UpdateClinicSettingsRequest,
  type UpdateClinicVoiceRequest,
} from '@vfc/shared';

/** Where the API is and who we are: the base URL (e.g. `https://abc.execute-api.us-west-2.amazonaws.com`) and a staff token. */
export interface ApiConnection {
  baseUrl: string;
  token: string;
}

/** A failed call: HTTP status (`0` when no answer came back) and the API's error body (or one we made up). */
export interface ApiFailure {
  ok: false;
  status: number;
  error: ApiError;
}
export type ApiResult<T> = { ok: true; status: number; data: T } | ApiFailure;

/** The fetch the client uses; the global `fetch` in the extension, a fake server in unit tests. */
export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/** Path of a route from `API_ROUTES`, with `{param}`s filled in (URI-encoded). */
export function routePath(handler: HandlerName, params: Record<string, string> = {}): string {
  const route = API_ROUTES.find((r) => r.handler === handler);
  if (!route) throw new Error(`unknown route ${handler}`);
  return route.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));
}

function joinUrl(baseUrl: string, path: string): string {
  return `${baseUrl.trim().replace(/\/+$/, '')}${path}`;
}

/**
 * Filters of the clinic-wide `GET /calls` as the extension builds them (serialised to the query `ListCallsQuery`
 * parses): `from`/`to` are UTC ISO instants on `scheduledFor` (from inclusive, to exclusive); `status` and
 * `attention` match any of the values; `limit` 1–100; `cursor` is the previous page's `nextCursor`.
 */
export interface ClinicCallsQuery {
  from?: string;
  to?: string;
  status?: readonly CallStatus[];
  attention?: readonly Attention[];
  resolved?: boolean;
  limit?: number;
  cursor?: string;
}

/** The query string (without `?`) of a clinic-wide list; empty lists and absent fields are left out. */
export function clinicCallsSearch(query: ClinicCallsQuery): string {
  const params = new URLSearchParams();
  if (query.from) params.set('from', query.from);
  if (query.to) params.set('to', query.to);
  if (query.status?.length) params.set('status', query.status.join(','));
  if (query.attention?.length) params.set('attention', query.attention.join(','));
  if (query.resolved !== undefined) params.set('resolved', String(query.resolved));
  if (query.limit !== undefined) params.set('limit', String(query.limit));
  if (query.cursor) params.set('cursor', query.cursor);
  return params.toString();
}

/** A 204 answer: no body, read as `null`. */
const NoContent = z.pipe(
  z.undefined(),
  z.transform(() => null),
);

const failure = (status: number, error: string, message: string): ApiFailure => ({ ok: false, status, error: { error, message } });

/**
 * A typed client of the HTTP API (routes from shared/src/api/routes.ts, bodies checked with the shared zod schemas).
 * Never throws: network errors give `status: 0, error: 'network_error'`; unexpected bodies give `bad_response`.
 */
export function createApiClient(connection: ApiConnection, fetchFn: FetchLike = (input, init) => fetch(input, init)) {
  async function request<S extends z.ZodMiniType>(
    method: string,
    path: string,
    schema: S,
    options: { body?: unknown; headers?: Record<string, string> } = {},
  ): Promise<ApiResult<z.infer<S>>> {
    const url = joinUrl(connection.baseUrl, path);
    let response: Response;
    try {
      response = await fetchFn(url, {
        method,
        headers: {
          accept: 'application/json',
          authorization: `Bearer ${connection.token.trim()}`,
          ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...options.headers,
        },
        body: options.body !== undefined ? JSON.stringify(options.body) : undefined,
      });
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      return failure(0, 'network_error', i18n.t('errors.unreachable', [connection.baseUrl, reason]));
    }
    const text = await response.text().catch(() => '');
    let json: unknown = undefined;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    if (!response.ok) {
      const parsed = ApiError.safeParse(json);
      if (parsed.success) return { ok: false, status: response.status, error: parsed.data };
      // API Gateway answers for itself with `{"message": "..."}`: 401 without a token, 403 when the authorizer refuses it.
      const gateway = z.object({ message: z.string() }).safeParse(json);
      return gateway.success
        ? failure(response.status, 'gateway_error', gateway.data.message)
        : failure(response.status, 'http_error', i18n.t('errors.httpStatus', [String(response.status)]));
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) return failure(response.status, 'bad_response', i18n.t('errors.badResponse', [method, path]));
    return { ok: true, status: response.status, data: parsed.data };
  }

  return {
    /** `GET /clinic`: the clinic of the token (name, timezone, hours, demo mode). */
    getClinic: () => request('GET', routePath('get-clinic'), GetClinicResponse),
    /** `GET /calls?consultationId=`: the consultation's calls, newest first. */
    listCalls: (consultationId: string) =>
      request('GET', `${routePath('list-calls')}?consultationId=${encodeURIComponent(consultationId)}`, ListCallsResponse),
    /** `GET /calls?from=&to=&status=&attention=&resolved=&limit=&cursor=`: the clinic's calls, newest first, one page. */
    listClinicCalls: (query: ClinicCallsQuery) => {
      const search = clinicCallsSearch(query);
      return request('GET', `${routePath('list-calls')}${search ? `?${search}` : ''}`, ListCallsResponse);
    },
    /** `POST /calls/{callId}/resolve` `{note?}`: someone dealt with a final call (idempotent); answers the call. */
    resolveCall: (callId: string, note?: string) =>
      request('POST', routePath('resolve-call', { callId }), Call, { body: note?.trim() ? { note: note.trim() } : {} }),
    /** `DELETE /calls/{callId}/resolve`: reopen a resolved call; answers the call. */
    reopenCall: (callId: string) => request('DELETE', routePath('reopen-call', { callId }), Call),
    /** `POST /calls` with an `Idempotency-Key` (same key → the same call, never two). */
    createCall: (body: CreateCallRequest, idempotencyKey: string) =>
      request('POST', routePath('create-call'), Call, { body, headers: { [IDEMPOTENCY_KEY_HEADER]: idempotencyKey } }),
    /** `DELETE /calls/{callId}`: cancel a scheduled call; answers the cancelled call. */
    cancelCall: (callId: string) => request('DELETE', routePath('cancel-call', { callId }), Call),
    /** `PATCH /calls/{callId}` `{scheduledFor}` (UTC ISO): move a scheduled call; the answer says when it was moved and why. */
    rescheduleCall: (callId: string, scheduledFor: string) =>
      request('PATCH', routePath('reschedule-call', { callId }), Call, { body: { scheduledFor } }),

    // Admin routes (calling rules, opt-outs, agents): the connection must carry an admin token.
    /** `GET /clinic/settings`: the clinic's calling rules. */
    getClinicSettings: () => request('GET', routePath('get-clinic-settings'), ClinicSettings),
    /** `PUT /clinic/settings` with only the fields that change; answers the whole rule set. */
    updateClinicSettings: (patch: UpdateClinicSettingsRequest) =>
      request('PUT', routePath('update-clinic-settings'), ClinicSettings, { body: patch }),
    /** `GET /clinic/opt-outs`: the do-not-call list, ordered by number. */
    listOptOuts: () => request('GET', routePath('list-opt-outs'), ListOptOutsResponse),
    /** `POST /clinic/opt-outs`: add a number (201 added, 200 already listed) and cancel the clinic's scheduled calls to it. */
    addOptOut: (body: AddOptOutRequest) => request('POST', routePath('add-opt-out'), AddOptOutResponse, { body }),
    /** `DELETE /clinic/opt-outs/{phoneNumber}` (E.164, URL-encoded here): 204 with no body. */
    removeOptOut: (phoneNumber: string) => request('DELETE', routePath('remove-opt-out', { phoneNumber }), NoContent),
    /** `POST /agents/sync`: sync the registry with Retell now (200 also when Retell failed: then `ok` is false). */
    syncAgents: () => request('POST', routePath('sync-agents'), AgentSyncReport),
    /** `GET /agents`: the agent registry. */
    listAgents: () => request('GET', routePath('list-agents'), ListAgentsResponse),
    /** `GET /agents/audit`: health score, discrepancies and recommendations (read-only). */
    auditAgents: () => request('GET', routePath('audit-agents'), AgentAuditReport),
    /** `POST /agents/cleanup-orphaned`: removes orphans older than 7 days; says which were removed and kept. */
    cleanupOrphanedAgents: () => request('POST', routePath('cleanup-orphaned-agents'), CleanupOrphanedAgentsResponse),
    /** `GET /agents/voices`: Retell's voices for the agent editor. */
    listVoices: () => request('GET', routePath('list-voices'), ListVoicesResponse),
    /** `GET /clinic/agent`: the clinic's agent wiring and its follow-up agent as Retell has it. */
    getClinicAgent: () => request('GET', routePath('get-clinic-agent'), ClinicAgentSettings),
    /** `PUT /clinic/agent` with only the fields that change. */
    updateClinicAgent: (patch: UpdateClinicAgentRequest) => request('PUT', routePath('update-clinic-agent'), ClinicAgentSettings, { body: patch }),
    /** `GET /clinic/voice`: the clinic's voice provider and account (never the key: only its last four characters). */
    getClinicVoice: () => request('GET', routePath('get-clinic-voice'), ClinicVoice),
    /**
     * `PUT /clinic/voice`: tests the key and number at the provider, then saves (`apiKey` write-only: omitted keeps the
     * stored key, `null` goes back to the platform's account); answers the saved settings and the assistant sync.
     */
    updateClinicVoice: (body: UpdateClinicVoiceRequest) => request('PUT', routePath('update-clinic-voice'), UpdateClinicVoiceResponse, { body }),
    /** `GET /clinic/knowledge`: the knowledge sources with their sync status, the provider's base id and last sync (UTC ISO). */
    listKnowledge: () => request('GET', routePath('list-knowledge'), ListKnowledgeResponse),
    /** `POST /clinic/knowledge`: add a text, a page URL or an uploaded file; answers the source (`pending`). 409 past 50 sources. */
    addKnowledgeSource: (body: AddKnowledgeSourceRequest) => request('POST', routePath('add-knowledge-source'), KnowledgeSource, { body }),
    /** `POST /clinic/knowledge/uploads`: a one-time presigned PUT for a document (413 above 5 MB). */
    createKnowledgeUpload: (body: CreateKnowledgeUploadRequest) =>
      request('POST', routePath('create-knowledge-upload'), CreateKnowledgeUploadResponse, { body }),
    /** `DELETE /clinic/knowledge/{sourceId}`: 204 with no body (409 for the generated clinic facts). */
    removeKnowledgeSource: (sourceId: string) => request('DELETE', routePath('remove-knowledge-source', { sourceId }), NoContent),
    /** `POST /clinic/knowledge/sync`: start a sync now; answers the list as it is. */
    syncKnowledge: () => request('POST', routePath('sync-knowledge-now'), ListKnowledgeResponse),
  };
}
export type ApiClient = ReturnType<typeof createApiClient>;
