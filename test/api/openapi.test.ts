import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_ROUTES } from '@vfc/shared';
import { buildOpenApiDocument } from '@vfc/shared/api/openapi';
import { startLocalStack, type LocalStack } from '@vfc/backend/local/stack';
import { apiClient } from '../support/api.js';

let stack: LocalStack;
beforeAll(async () => {
  stack = await startLocalStack();
});
afterAll(() => stack?.stop());

const api = apiClient(() => stack.apiUrl, () => stack.staffToken);

describe('GET /openapi.json on the local stack', () => {
  it('answers the generated OpenAPI 3.1 document without any credentials', async () => {
    const answer = await api('/openapi.json', { token: null });
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual(JSON.parse(JSON.stringify(buildOpenApiDocument())));
    expect(answer.json.openapi).toBe('3.1.0');
  });

  it('documents every route of the route table, with the security scheme of its auth kind', async () => {
    const { json: document } = await api('/openapi.json', { token: null });
    const documented = API_ROUTES.map((route) => {
      const operation = document.paths[route.path]?.[route.method.toLowerCase()];
      return { route: `${route.method} ${route.path}`, operationId: operation?.operationId, security: operation?.security };
    });
    const expected = API_ROUTES.map((route) => ({
      route: `${route.method} ${route.path}`,
      operationId: route.handler,
      security:
        route.auth === 'staff' || route.auth === 'admin'
          ? [{ clinicToken: [] }]
          : route.auth === 'webhook'
            ? [{ [route.handler === 'vapi-webhook' ? 'vapiSignature' : 'retellSignature']: [] }]
            : [],
    }));
    expect(documented).toEqual(expected);
  });
});

describe('the API reference page (local stack only)', () => {
  it('serves the reference page pointing at /openapi.json, and its script from the installed package', async () => {
    const page = await fetch(`${stack.apiUrl}/docs`);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await page.text();
    expect(html).toContain('data-url="/openapi.json"');
    const script = await fetch(`${stack.apiUrl}/docs/scalar.js`);
    expect(script.status).toBe(200);
    expect((await script.text()).length).toBeGreaterThan(100_000);
  });
});
