import { describe, expect, it } from 'vitest';
import { LoginLimiter } from './login-limiter.ts';

describe('LoginLimiter', () => {
  it('refuses the pair after maxFailures failures until the oldest leaves the window', () => {
    let now = 1_000_000;
    const limiter = new LoginLimiter({ maxFailures: 3, windowMs: 60_000, now: () => now });
    for (let attempt = 0; attempt < 3; attempt++) {
      expect(limiter.check('10.0.0.1', 'alice').allowed).toBe(true);
      limiter.fail('10.0.0.1', 'alice');
      now += 1000;
    }
    expect(limiter.check('10.0.0.1', 'alice')).toEqual({ allowed: false, retryAfterSeconds: 57 });
    // Other users from the same address, and the same user from elsewhere, are not affected.
    expect(limiter.check('10.0.0.1', 'bob').allowed).toBe(true);
    expect(limiter.check('10.0.0.2', 'alice').allowed).toBe(true);
    // User names compare case-insensitively, so ALICE shares alice's budget.
    expect(limiter.check('10.0.0.1', 'ALICE').allowed).toBe(false);
    now += 57_000;
    expect(limiter.check('10.0.0.1', 'alice').allowed).toBe(true);
  });

  it('forgets failures after a success', () => {
    const limiter = new LoginLimiter({ maxFailures: 2, windowMs: 60_000 });
    limiter.fail('a', 'u');
    limiter.succeed('a', 'u');
    limiter.fail('a', 'u');
    expect(limiter.check('a', 'u').allowed).toBe(true);
  });
});
