import { describe, expect, it } from 'vitest';
import { DUMMY_PASSWORD_HASH, generateToken, hashPassword, hashToken, verifyPassword } from './secrets.ts';

describe('tokens', () => {
  it('are prefixed, 256-bit and unique, stored as hex SHA-256', () => {
    const token = generateToken('api');
    expect(token).toMatch(/^lcn_[A-Za-z0-9_-]{43}$/);
    expect(generateToken('session')).toMatch(/^lcs_/);
    expect(generateToken('api')).not.toBe(token);
    expect(hashToken('lcn_x')).toBe('141003dd6f433790d795e3cc1cff6ff2af7c89ef8777b291df95030b24a22ed6');
  });
});

describe('passwords', () => {
  it('verify with the right password only', async () => {
    const stored = await hashPassword('correct horse');
    expect(stored).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(await verifyPassword('correct horse', stored)).toBe(true);
    expect(await verifyPassword('correct horsE', stored)).toBe(false);
    expect(await hashPassword('correct horse')).not.toBe(stored);
  });

  it('never verify against a malformed or dummy hash', async () => {
    expect(await verifyPassword('x', DUMMY_PASSWORD_HASH)).toBe(false);
    expect(await verifyPassword('x', 'plain')).toBe(false);
    expect(await verifyPassword('x', 'scrypt$a$b$c$d$e')).toBe(false);
  });
});
