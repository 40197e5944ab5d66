import { describe, expect, it } from 'vitest';
import { contractViolations } from './openapi-contract.js';

const call = {
  callId: 'c_1',
  consultationId: '310390',
  status: 'scheduled',
  scheduledFor: '2026-12-03T17:00:00.000Z',
};

describe('contractViolations (openapi-backend in strict mode over the generated document)', () => {
  it('accepts a documented error answer and the gateway refusal of a token route', async () => {
    expect(await contractViolations({ method: 'GET', path: '/calls/c_1', status: 404, contentType: 'application/json', json: { error: 'not_found', message: 'No such call' } })).toEqual([]);
    expect(await contractViolations({ method: 'POST', path: '/calls', status: 401, contentType: 'application/json', json: { message: 'Unauthorized' } })).toEqual([]);
  });

  it('names a body that misses a required property of the documented schema', async () => {
    expect(await contractViolations({ method: 'GET', path: '/calls/c_1', status: 200, contentType: 'application/json', json: { ...call, callId: undefined } })).toEqual([
      "GET /calls/c_1 → 200: body (root) must have required property 'callId'",
    ]);
  });

  it('names a status the route does not document', async () => {
    expect(await contractViolations({ method: 'GET', path: '/clinic/opt-outs', status: 409, contentType: 'application/json', json: { error: 'conflict', message: 'x' } })).toEqual([
      'GET /clinic/opt-outs → 409: status not documented for list-opt-outs',
    ]);
  });

  it('names an undocumented content type and an unknown route that is not the gateway 404', async () => {
    expect(await contractViolations({ method: 'GET', path: '/calls/export.csv?from=a', status: 200, contentType: 'application/json', json: {} })).toEqual([
      'GET /calls/export.csv → 200: content type application/json not documented',
    ]);
    expect(await contractViolations({ method: 'GET', path: '/nowhere', status: 404, contentType: 'application/json', json: { message: 'Not Found' } })).toEqual([]);
    expect(await contractViolations({ method: 'GET', path: '/nowhere', status: 200, contentType: 'application/json', json: {} })).toEqual([
      'GET /nowhere → 200: no such route in the OpenAPI document',
    ]);
  });
});
