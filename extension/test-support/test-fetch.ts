/**
 * Test helper: a scripted `fetch` for unit tests of our HTTP clients (the e2e test uses the real servers).
 * Each route answers a status and JSON/text body; every request is recorded.
 */
export interface RecordedRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: unknown;
  credentials?: RequestCredentials;
}

export type Route = (req: RecordedRequest) => { status: number; body?: unknown; text?: string } | undefined;

export function scriptedFetch(...routes: Route[]) {
  const requests: RecordedRequest[] = [];
  const fetchFn = async (input: string, init: RequestInit = {}): Promise<Response> => {
    const headers: Record<string, string> = {};
    new Headers(init.headers).forEach((value, key) => (headers[key.toLowerCase()] = value));
    const req: RecordedRequest = {
      url: input,
      method: init.method ?? 'GET',
      headers,
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
      credentials: init.credentials,
    };
    requests.push(req);
    for (const route of routes) {
      const answer = route(req);
      if (answer) {
        const text = answer.text ?? (answer.body === undefined ? '' : JSON.stringify(answer.body));
        return new Response(text, { status: answer.status, headers: { 'content-type': answer.text ? 'text/html' : 'application/json' } });
      }
    }
    throw new TypeError('Failed to fetch');
  };
  return { fetch: fetchFn, requests };
}
