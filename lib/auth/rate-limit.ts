/**
 * In-memory sliding-window limiter: at most `limit` hits per key in any `windowMs`.
 * Per process (one web replica); enough to make password guessing slow.
 */
export class SlidingWindowLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
  ) {}

  /**
   * Records a hit for `key` unless it is over the limit. Returns whether it was
   * allowed and, when not, how many ms until the oldest hit leaves the window.
   */
  hit(key: string, nowMs = Date.now()): { allowed: true } | { allowed: false; retryAfterMs: number } {
    const recent = this.recent(key, nowMs);
    if (recent.length >= this.limit) {
      const oldest = recent[0] ?? nowMs;
      return { allowed: false, retryAfterMs: Math.max(1, oldest + this.windowMs - nowMs) };
    }
    recent.push(nowMs);
    this.hits.set(key, recent);
    return { allowed: true };
  }

  /** How many clients are remembered. */
  get size(): number {
    return this.hits.size;
  }

  /** Forgets every key whose hits have all left the window (keeps memory bounded). */
  prune(nowMs = Date.now()): void {
    for (const key of this.hits.keys()) {
      if (this.recent(key, nowMs).length === 0) this.hits.delete(key);
    }
  }

  private recent(key: string, nowMs: number): number[] {
    const since = nowMs - this.windowMs;
    return (this.hits.get(key) ?? []).filter((t) => t > since);
  }
}
