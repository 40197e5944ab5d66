import { existsSync } from 'node:fs';
import { API_ROUTES } from '@vfc/shared/api/routes';
import { ASYNC_HANDLERS, SCHEDULED_HANDLERS } from '@vfc/shared/ops/observability';
import { describe, expect, it } from 'vitest';
import { AUTHORIZER_HANDLER, handlerEntry, handlerNames } from './handler-catalog.js';

describe('handlerNames', () => {
  it('lists every route handler, every scheduled and asynchronously invoked handler and the authorizer, once each', () => {
    const names = handlerNames();
    expect(new Set(names).size).toBe(names.length);
    for (const route of API_ROUTES) expect(names).toContain(route.handler);
    for (const scheduled of SCHEDULED_HANDLERS) expect(names).toContain(scheduled);
    for (const invoked of ASYNC_HANDLERS) expect(names).toContain(invoked);
    expect(names).toContain(AUTHORIZER_HANDLER);
  });

  it.each(handlerNames())('%s has an entry file in backend/src/handlers', (name) => {
    expect(existsSync(handlerEntry(name))).toBe(true);
  });
});

describe('handlerEntry', () => {
  it('points into backend/src/handlers', () => {
    expect(handlerEntry('dialer')).toMatch(/\/backend\/src\/handlers\/dialer\.ts$/);
  });
  it('refuses names that could escape the folder', () => {
    expect(() => handlerEntry('../local/main')).toThrow(/Not a handler name/);
  });
});
