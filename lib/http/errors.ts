/** Errors of the shared HTTP client; each names the URL it concerns. */

/** A non-success answer that retrying will not fix (or retries ran out). */
export class HttpStatusError extends Error {
  constructor(
    readonly status: number,
    readonly url: string,
    message: string,
    readonly body?: unknown,
  ) {
    super(message);
    this.name = 'HttpStatusError';
  }
}

/** 403: the app may not use this endpoint (or this resource). */
export class ForbiddenError extends HttpStatusError {
  constructor(url: string, detail: string, body?: unknown) {
    super(403, url, `Forbidden (403) at ${url}: ${detail}`, body);
    this.name = 'ForbiddenError';
  }
}

/** 404 (or an API's "no data" answer): the resource or endpoint does not exist. */
export class NotFoundError extends HttpStatusError {
  constructor(url: string, detail: string, body?: unknown) {
    super(404, url, `Not found (404) at ${url}: ${detail}`, body);
    this.name = 'NotFoundError';
  }
}

/** 401 that a fresh token did not cure: the credentials are wrong. */
export class UnauthorizedError extends HttpStatusError {
  constructor(url: string, detail: string, body?: unknown) {
    super(401, url, `Unauthorized (401) at ${url}: ${detail}`, body);
    this.name = 'UnauthorizedError';
  }
}

/** 429 asking to wait longer than we are willing to (or retries ran out). */
export class RateLimitError extends HttpStatusError {
  constructor(
    url: string,
    /** What the server asked for, in ms; null when it did not say. */
    readonly retryAfterMs: number | null,
    reason: string,
  ) {
    super(429, url, `Rate limited (429) at ${url}: ${reason}`);
    this.name = 'RateLimitError';
  }
}

/** The network failed or the server did not answer in time, after every retry. */
export class NetworkError extends Error {
  constructor(
    readonly url: string,
    readonly timedOut: boolean,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'NetworkError';
  }
}

/** A 2xx answer whose body is not the JSON it claims to be. */
export class MalformedResponseError extends Error {
  constructor(
    readonly url: string,
    detail: string,
    options?: ErrorOptions,
  ) {
    super(`Malformed response from ${url}: ${detail}`, options);
    this.name = 'MalformedResponseError';
  }
}
