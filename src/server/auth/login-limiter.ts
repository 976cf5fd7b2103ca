/**
 * Failed-login throttling per client address and user name: after `maxFailures` failures within `windowMs`, further
 * attempts for that pair are refused (429) until the oldest failure leaves the window. Successful logins are not
 * counted, so a user who types the password right is never locked out by their own traffic. In memory, per process:
 * a restart forgets, which bounds the damage an attacker can do to a user (lock-out) as well.
 */

/** How many failures a window allows. */
export interface LoginLimiterOptions {
  maxFailures: number;
  windowMs: number;
  now?: () => number;
}

/** The limiter's decision for one attempt. */
export interface LoginLimit {
  allowed: boolean;
  /** Seconds until the next attempt may be made (for Retry-After). */
  retryAfterSeconds: number;
}

/** Throttles failed logins by (address, user name). */
export class LoginLimiter {
  readonly #failures = new Map<string, number[]>();
  readonly #options: Required<LoginLimiterOptions>;

  constructor(options: LoginLimiterOptions) {
    this.#options = { now: Date.now, ...options };
  }

  /** Whether an attempt for this pair may proceed now. */
  check(address: string, user: string): LoginLimit {
    const recent = this.#recent(keyOf(address, user));
    if (recent.length < this.#options.maxFailures) return { allowed: true, retryAfterSeconds: 0 };
    const oldest = recent[0] ?? this.#options.now();
    return {
      allowed: false,
      retryAfterSeconds: Math.max(1, Math.ceil((oldest + this.#options.windowMs - this.#options.now()) / 1000)),
    };
  }

  /** Records a failed attempt. */
  fail(address: string, user: string): void {
    const key = keyOf(address, user);
    this.#failures.set(key, [...this.#recent(key), this.#options.now()]);
    if (this.#failures.size > 100_000) this.#sweep();
  }

  /** Forgets the failures of a pair after a successful login. */
  succeed(address: string, user: string): void {
    this.#failures.delete(keyOf(address, user));
  }

  #recent(key: string): number[] {
    const since = this.#options.now() - this.#options.windowMs;
    const recent = (this.#failures.get(key) ?? []).filter((time) => time > since);
    if (recent.length === 0) this.#failures.delete(key);
    return recent;
  }

  /** Bounds memory under a spray of user names: drops every pair whose failures have all expired. */
  #sweep(): void {
    for (const key of [...this.#failures.keys()]) this.#recent(key);
  }
}

function keyOf(address: string, user: string): string {
  return `${address}\u0000${user.normalize('NFC').toLowerCase()}`;
}
