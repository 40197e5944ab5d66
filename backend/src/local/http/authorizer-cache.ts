/**
 * The local stand-in's copy of API Gateway's authorizer result cache: one verdict per authorizer (`staff`, `admin`)
 * and `Authorization` header value (the identity source), kept `ttlMs` from when it was computed, denials included.
 * Concurrent requests with the same key share one authorizer run.
 */
export class AuthorizerCache<V> {
  private readonly entries = new Map<string, { expiresAtMs: number; verdict: Promise<V> }>();

  /**
   * @param ttlMs how long a verdict is reused, real ms (`AUTHORIZER_CACHE_TTL_SECONDS × 1000` in the stand-in)
   * @param nowMs the clock (epoch ms); injectable for tests
   */
  constructor(
    private readonly ttlMs: number,
    private readonly nowMs: () => number = Date.now,
  ) {}

  /** The cached verdict for `authorizer` + `identity`, or the result of `authorize()` (cached unless it throws). */
  get(authorizer: string, identity: string, authorize: () => Promise<V>): Promise<V> {
    const key = `${authorizer}\n${identity}`;
    const now = this.nowMs();
    const hit = this.entries.get(key);
    if (hit && hit.expiresAtMs > now) return hit.verdict;
    const verdict = authorize();
    this.entries.set(key, { expiresAtMs: now + this.ttlMs, verdict });
    verdict.catch(() => {
      if (this.entries.get(key)?.verdict === verdict) this.entries.delete(key);
    });
    return verdict;
  }
}
