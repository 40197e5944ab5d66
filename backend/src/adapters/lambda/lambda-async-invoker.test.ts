import type { IncomingMessage, ServerResponse } from 'node:http';
import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';
import { SignatureV4 } from '@smithy/signature-v4';
import { afterEach, describe, expect, it } from 'vitest';
import { addSdkCallObserver, type SdkCallObservation } from '../aws/sdk-call-observers.js';
import { startHttpServer, type RunningServer } from '../../local/emulator-kit/http-server.js';
import { LambdaAsyncInvoker } from './lambda-async-invoker.js';

const FUNCTION_ARN = 'arn:aws:lambda:us-east-1:000000000000:function:sync-knowledge';

interface SeenRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/** SHA-256 (or HMAC-SHA256 with a secret) in the shape the SDK's signer takes (`@smithy/types` `Checksum`). */
class NodeSha256 {
  private hash!: Hash | Hmac;
  constructor(private readonly secret?: string | ArrayBuffer | ArrayBufferView) {
    this.reset();
  }
  update(data: Uint8Array): void {
    this.hash.update(data);
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }
  reset(): void {
    const secret = this.secret;
    if (secret === undefined) this.hash = createHash('sha256');
    else if (typeof secret === 'string') this.hash = createHmac('sha256', secret);
    else
      this.hash = createHmac(
        'sha256',
        ArrayBuffer.isView(secret) ? new Uint8Array(secret.buffer, secret.byteOffset, secret.byteLength) : new Uint8Array(secret),
      );
  }
}

let server: RunningServer | undefined;
let stopObserving: (() => void) | undefined;
afterEach(async () => {
  stopObserving?.();
  await server?.stop();
  server = undefined;
});

/** A Lambda endpoint stand-in that records each request and answers the given statuses in turn (the last one repeats). */
async function endpointAnswering(...statuses: number[]): Promise<{ url: string; seen: SeenRequest[] }> {
  const seen: SeenRequest[] = [];
  server = await startHttpServer(async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    seen.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
    const status = statuses[Math.min(seen.length - 1, statuses.length - 1)]!;
    const headers = status === 404 ? { 'x-amzn-errortype': 'ResourceNotFoundException' } : {};
    res.writeHead(status, headers).end(status === 202 ? '' : '{"message":"no"}');
  }, 0);
  return { url: server.url, seen };
}

describe('LambdaAsyncInvoker', () => {
  it("sends Lambda's Invoke request for an Event invocation, with the payload as JSON and the ARN encoded in the path", async () => {
    const endpoint = await endpointAnswering(202);
    await new LambdaAsyncInvoker({ functionArn: FUNCTION_ARN, endpoint: endpoint.url, firstRetryMs: 0 }).invoke({ clinicId: 'c-1' });
    expect(endpoint.seen).toHaveLength(1);
    const [request] = endpoint.seen;
    expect(request!.method).toBe('POST');
    expect(request!.path).toBe(`/2015-03-31/functions/${encodeURIComponent(FUNCTION_ARN)}/invocations`);
    expect(request!.headers['x-amz-invocation-type']).toBe('Event');
    expect(JSON.parse(request!.body)).toEqual({ clinicId: 'c-1' });
  });

  it("signs the request as the AWS SDK's own Signature V4 signer would", async () => {
    const endpoint = await endpointAnswering(202);
    await new LambdaAsyncInvoker({ functionArn: FUNCTION_ARN, endpoint: endpoint.url, region: 'eu-west-1' }).invoke({ clinicId: 'c-1' });
    const [request] = endpoint.seen;
    const authorization = String(request!.headers.authorization);
    const signedHeaders = /SignedHeaders=([^,]+)/.exec(authorization)![1]!.split(';');
    const amzDate = String(request!.headers['x-amz-date']);
    const signingDate = new Date(
      `${amzDate.slice(0, 4)}-${amzDate.slice(4, 6)}-${amzDate.slice(6, 11)}:${amzDate.slice(11, 13)}:${amzDate.slice(13, 15)}Z`,
    );
    const host = new URL(endpoint.url).host;
    const headers = Object.fromEntries(signedHeaders.map((name) => [name, name === 'host' ? host : String(request!.headers[name])]));
    const signer = new SignatureV4({
      service: 'lambda',
      region: 'eu-west-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      sha256: NodeSha256,
      applyChecksum: false,
    });
    const expected = await signer.sign(
      {
        method: 'POST',
        protocol: 'http:',
        hostname: host.split(':')[0]!,
        port: Number(host.split(':')[1]),
        path: request!.path,
        headers,
        body: request!.body,
        query: {},
      },
      { signingDate, unsignableHeaders: new Set(), signableHeaders: new Set(signedHeaders) },
    );
    expect(/Signature=([0-9a-f]{64})/.exec(authorization)![1]).toBe(/Signature=([0-9a-f]{64})/.exec(String(expected.headers.authorization))![1]);
    expect(authorization).toContain(`Credential=local/${amzDate.slice(0, 8)}/eu-west-1/lambda/aws4_request`);
  });

  it('reports the request to the SDK-call observers as LambdaClient / InvokeCommand', async () => {
    const endpoint = await endpointAnswering(202);
    const observed: SdkCallObservation[] = [];
    stopObserving = addSdkCallObserver((call) => observed.push(call));
    await new LambdaAsyncInvoker({ functionArn: FUNCTION_ARN, endpoint: endpoint.url, firstRetryMs: 0 }).invoke({});
    expect(observed).toEqual([{ client: 'LambdaClient', command: 'InvokeCommand', input: { FunctionName: FUNCTION_ARN, InvocationType: 'Event' } }]);
  });

  it('retries a 5xx and resolves when Lambda then accepts (3 requests for 500, 503, 202)', async () => {
    const endpoint = await endpointAnswering(500, 503, 202);
    await new LambdaAsyncInvoker({ functionArn: FUNCTION_ARN, endpoint: endpoint.url, firstRetryMs: 0 }).invoke({});
    expect(endpoint.seen).toHaveLength(3);
  });

  it('throws after the first try and 2 retries when Lambda keeps answering 500', async () => {
    const endpoint = await endpointAnswering(500);
    await expect(new LambdaAsyncInvoker({ functionArn: FUNCTION_ARN, endpoint: endpoint.url, firstRetryMs: 0 }).invoke({})).rejects.toThrow(
      'status 500',
    );
    expect(endpoint.seen).toHaveLength(3);
  });

  it("throws at once, naming Lambda's error type, when the function does not exist (404)", async () => {
    const endpoint = await endpointAnswering(404);
    await expect(new LambdaAsyncInvoker({ functionArn: FUNCTION_ARN, endpoint: endpoint.url, firstRetryMs: 0 }).invoke({})).rejects.toThrow(
      'status 404, ResourceNotFoundException',
    );
    expect(endpoint.seen).toHaveLength(1);
  });
});
