import { API_ROUTES } from '@vfc/shared/api/routes';
import { SCHEDULED_HANDLERS } from '@vfc/shared/ops/observability';
import { describe, expect, it } from 'vitest';
import { AUTHORIZER_HANDLER } from './handler-catalog.js';
import { DEFAULT_PERMISSIONS, HANDLER_PERMISSIONS, permissionsFor } from './permissions.js';

describe('HANDLER_PERMISSIONS', () => {
  it.each([...new Set([...API_ROUTES.map((r) => r.handler as string), ...SCHEDULED_HANDLERS, AUTHORIZER_HANDLER])])(
    'has an explicit entry for handler %s',
    (handler) => {
      expect(Object.keys(HANDLER_PERMISSIONS)).toContain(handler);
    },
  );

  it('maps only handlers that exist (no stale entries)', () => {
    const known = new Set<string>([...API_ROUTES.map((r) => r.handler), ...SCHEDULED_HANDLERS, AUTHORIZER_HANDLER]);
    expect(Object.keys(HANDLER_PERMISSIONS).filter((h) => !known.has(h))).toEqual([]);
  });

  it('never grants table write without table read, nor PassRole without a schedule action', () => {
    for (const [handler, permissions] of Object.entries(HANDLER_PERMISSIONS)) {
      if (permissions.includes('table:write')) expect(permissions, handler).toContain('table:read');
      if (permissions.includes('scheduler-role:pass')) {
        expect(permissions.some((p) => p === 'schedule:create' || p === 'schedule:update'), handler).toBe(true);
      }
    }
  });

  it('keeps read routes read-only', () => {
    for (const handler of ['list-calls', 'get-call', 'get-clinic', AUTHORIZER_HANDLER]) {
      expect(permissionsFor(handler)).toEqual(['table:read']);
    }
  });
});

describe('permissionsFor', () => {
  it('falls back to table read/write + secret read for an unmapped handler', () => {
    expect(permissionsFor('some-future-admin-route')).toEqual(DEFAULT_PERMISSIONS);
    expect(DEFAULT_PERMISSIONS).toEqual(['table:read', 'table:write', 'secret:read']);
  });
});
