import { describe, expect, it } from 'vitest';
import * as z from '../zod.js';
import { API_OPERATIONS } from './operations.js';
import { API_ROUTES } from './routes.js';
import { buildOpenApiDocument } from './openapi.js';

/** Every schema of the operation table that carries an example, with where it is used. */
function examples(): { where: string; schema: z.ZodMiniType; example: unknown }[] {
  const found: { where: string; schema: z.ZodMiniType; example: unknown }[] = [];
  for (const [handler, operation] of Object.entries(API_OPERATIONS)) {
    const candidates: [string, unknown][] = [['body', 'body' in operation ? operation.body : undefined], ...Object.entries(operation.responses)];
    for (const [where, schema] of candidates) {
      if (!(schema instanceof z.ZodMiniType)) continue;
      const example = z.globalRegistry.get(schema)?.example;
      if (example !== undefined) found.push({ where: `${handler} ${where}`, schema, example });
    }
  }
  return found;
}

describe('the operation table', () => {
  it('has exactly one entry per handler of the route table', () => {
    expect(Object.keys(API_OPERATIONS).sort()).toEqual([...new Set(API_ROUTES.map((route) => route.handler))].sort());
  });

  it('publishes only examples its own schemas accept', () => {
    const list = examples();
    expect(list.length).toBeGreaterThanOrEqual(7);
    const rejected = list.filter(({ schema, example }) => !schema.safeParse(example).success).map(({ where }) => where);
    expect(rejected).toEqual([]);
  });
});

describe('buildOpenApiDocument', () => {
  it('is OpenAPI 3.1 with one operation per route, each answering at least one success and a 500', () => {
    const document = buildOpenApiDocument();
    expect(document.openapi).toBe('3.1.0');
    for (const route of API_ROUTES) {
      const operation = document.paths?.[route.path]?.[route.method.toLowerCase() as 'get'];
      expect(operation?.operationId, `${route.method} ${route.path}`).toBe(route.handler);
      const statuses = Object.keys(operation?.responses ?? {});
      expect(
        statuses.some((status) => status.startsWith('2')),
        route.path,
      ).toBe(true);
      expect(statuses, route.path).toContain('500');
    }
  });
});
