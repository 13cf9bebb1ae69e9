import { realSleep } from './backoff';

export interface TokenBucketOptions {
  /** Requests allowed in one window (also the burst size). */
  capacity: number;
  /** Window length in ms: the bucket refills `capacity` tokens per window, continuously. */
  windowMs: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * Client-side rate limit: `take()` resolves when a request may go out. Callers
 * are served in order, so a burst of concurrent requests queues fairly.
 */
export class TokenBucket {
  private tokens: number;
  private last: number;
  private queue: Promise<void> = Promise.resolve();
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly perMs: number;

  constructor(private readonly opts: TokenBucketOptions) {
    if (!(opts.capacity >= 1) || !(opts.windowMs > 0)) {
      throw new RangeError(`A token bucket needs capacity ≥ 1 and a positive window (got ${opts.capacity} per ${opts.windowMs} ms).`);
    }
    this.now = opts.now ?? Date.now;
    this.sleep = opts.sleep ?? realSleep;
    this.tokens = opts.capacity;
    this.last = this.now();
    this.perMs = opts.capacity / opts.windowMs;
  }

  /** Waits for a token and spends it. */
  take(): Promise<void> {
    const turn = this.queue.then(() => this.spend());
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  private async spend(): Promise<void> {
    for (;;) {
      const now = this.now();
      this.tokens = Math.min(this.opts.capacity, this.tokens + (now - this.last) * this.perMs);
      this.last = now;
      if (this.tokens >= 1) {
        this.tokens -= 1;
        return;
      }
      await this.sleep(Math.ceil((1 - this.tokens) / this.perMs));
    }
  }
}
