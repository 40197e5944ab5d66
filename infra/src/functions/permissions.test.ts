import { readFileSync } from 'node:fs';
import { API_ROUTES } from '@vfc/shared/api/routes';
import { ASYNC_HANDLERS, SCHEDULED_HANDLERS } from '@vfc/shared/ops/observability';
import { describe, expect, it } from 'vitest';
import { AUTHORIZER_HANDLER } from './handler-catalog.js';
import { HANDLER_PERMISSIONS, SCHEDULE_ACTIONS, grantedPermissions, permissionsFor } from './permissions.js';

describe('HANDLER_PERMISSIONS', () => {
  it.each([...new Set([...API_ROUTES.map((r) => r.handler as string), ...SCHEDULED_HANDLERS, ...ASYNC_HANDLERS, AUTHORIZER_HANDLER])])(
    'has an explicit entry for handler %s',
    (handler) => {
      expect(Object.keys(HANDLER_PERMISSIONS)).toContain(handler);
    },
  );

  it('maps only handlers that exist (no stale entries)', () => {
    const known = new Set<string>([...API_ROUTES.map((r) => r.handler), ...SCHEDULED_HANDLERS, ...ASYNC_HANDLERS, AUTHORIZER_HANDLER]);
    expect(Object.keys(HANDLER_PERMISSIONS).filter((h) => !known.has(h))).toEqual([]);
  });

  it('never grants table write without table read; PassRole exactly where schedules are created', () => {
    for (const [handler, permissions] of Object.entries(HANDLER_PERMISSIONS)) {
      if (permissions.includes('table:write')) expect(permissions, handler).toContain('table:read');
      // CreateSchedule names the scheduler role (Target.RoleArn): it needs PassRole, and nothing else does.
      expect(permissions.includes('scheduler-role:pass'), handler).toBe(permissions.includes('schedule:create'));
    }
  });

  it('grants exactly the scheduler actions the EventBridge adapter sends', () => {
    const adapter = readFileSync(new URL('../../../backend/src/adapters/scheduler/eventbridge-call-scheduler.ts', import.meta.url), 'utf8');
    const sent = new Set([...adapter.matchAll(/new (\w+Schedule)Command\(/g)].map((m) => `scheduler:${m[1]}`));
    expect(sent.size).toBeGreaterThan(0);
    expect(new Set(Object.values(SCHEDULE_ACTIONS))).toEqual(sent);
  });

  // Derived from the handlers and their use cases (see the map's doc); each line failed before it was corrected.
  it.each([
    ['reschedule-call', ['table:read', 'table:write', 'schedule:create', 'schedule:delete', 'scheduler-role:pass']],
    ['retell-webhook', ['table:read', 'table:write', 'secret:read', 'clinic-secrets:read', 'provider-event:invoke']],
    ['apply-provider-event', ['table:read', 'table:write', 'secret:read', 'vapi-key:read', 'clinic-secrets:read', 'schedule:create', 'schedule:delete', 'scheduler-role:pass']],
    ['vapi-webhook', ['table:read', 'table:write', 'vapi-webhook-secret:read', 'provider-event:invoke']],
    ['dialer', ['table:read', 'table:write', 'secret:read', 'vapi-key:read', 'clinic-secrets:read', 'schedule:create', 'schedule:delete', 'scheduler-role:pass']],
    ['reconcile', ['table:read', 'table:write', 'secret:read', 'vapi-key:read', 'clinic-secrets:read', 'schedule:create', 'schedule:delete', 'scheduler-role:pass']],
    ['add-opt-out', ['table:read', 'table:write', 'schedule:delete']],
    ['get-clinic-agent', ['table:read', 'secret:read', 'vapi-key:read', 'clinic-secrets:read']],
    ['list-voices', ['secret:read']],
    ['update-clinic-voice', ['table:read', 'table:write', 'clinic-secrets:write', 'vapi-key:read', 'knowledge-sync:invoke']],
    ['cleanup-orphaned-agents', ['table:read', 'table:write', 'vapi-key:read', 'clinic-secrets:read']],
    ['sync-knowledge', ['table:read', 'table:write', 'secret:read', 'vapi-key:read', 'clinic-secrets:read', 'knowledge-files:sync']],
    ['resolve-call', ['table:read', 'table:write']],
    ['reopen-call', ['table:read', 'table:write']],
  ])('%s may do exactly what its code path needs', (handler, expected) => {
    expect([...permissionsFor(handler)].sort()).toEqual([...expected].sort());
  });

  it('keeps the clinic-settings and opt-out admin routes off Retell (no secret)', () => {
    for (const handler of ['get-clinic-settings', 'update-clinic-settings', 'list-opt-outs', 'add-opt-out', 'remove-opt-out']) {
      expect(permissionsFor(handler), handler).not.toContain('secret:read');
    }
    expect(permissionsFor('list-opt-outs')).toEqual(['table:read']);
    expect(permissionsFor('get-clinic-settings')).toEqual(['table:read']);
  });

  it('keeps read routes read-only, and the authorizer to token items', () => {
    for (const handler of ['list-calls', 'export-calls', 'get-call', 'get-clinic']) {
      expect(permissionsFor(handler)).toEqual(['table:read']);
    }
    expect(permissionsFor(AUTHORIZER_HANDLER)).toEqual(['table:read-tokens', 'table:record-people']);
  });
});

describe('grantedPermissions', () => {
  it('adds the API-key use write to every token route handler', () => {
    const tokenHandlers = API_ROUTES.filter((route) => route.auth === 'staff' || route.auth === 'admin').map((route) => route.handler);
    expect(tokenHandlers.filter((handler) => !grantedPermissions(handler).includes('table:record-key-use'))).toEqual([]);
  });

  it('adds it to no webhook, public route, scheduled or async handler, nor the authorizer', () => {
    const others = [...API_ROUTES.filter((route) => route.auth === 'webhook' || route.auth === 'public').map((route) => route.handler as string), ...SCHEDULED_HANDLERS, ...ASYNC_HANDLERS, AUTHORIZER_HANDLER];
    expect(others.filter((handler) => grantedPermissions(handler).includes('table:record-key-use'))).toEqual([]);
  });
});

describe('permissionsFor', () => {
  it('fails closed: an unmapped handler (or an Object prototype name) throws instead of getting a default grant', () => {
    expect(() => permissionsFor('some-future-admin-route')).toThrow(/"some-future-admin-route" has no entry in HANDLER_PERMISSIONS/);
    expect(() => permissionsFor('toString')).toThrow(/has no entry/);
  });
});
