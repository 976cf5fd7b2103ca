/**
 * Secrets at rest. API and session tokens are 256 random bits, so a single SHA-256 is enough to store them: a hash
 * of a high-entropy secret cannot be brute-forced, and a fast hash lets every request look its token up by an indexed
 * column. Passwords are chosen by people, so they get scrypt (memory-hard, RFC 7914) with a per-user salt.
 */
import { createHash, randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto';

/** Token prefixes: they make a leaked token recognisable to secret scanners, and say what kind it is. */
export const TOKEN_PREFIX = { api: 'lcn_', session: 'lcs_' } as const;

/** A new token: prefix + 32 random bytes in base64url (43 characters). */
export function generateToken(kind: keyof typeof TOKEN_PREFIX): string {
  return `${TOKEN_PREFIX[kind]}${randomBytes(32).toString('base64url')}`;
}

/** The stored form of a token: hex SHA-256 of the whole token string. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

// scrypt cost: N=2^15, r=8, p=1 takes ~32 MiB and ~50-100 ms here, OWASP's minimum being N=2^17 with less memory
// reuse; the parameters are stored with each hash, so they can be raised without invalidating old ones.
const SCRYPT = { N: 2 ** 15, r: 8, p: 1, keyLength: 32 } as const;
// Node's default maxmem (32 MiB) is exactly 128·N·r, which scrypt rejects; stored hashes may ask for up to this much.
const MAX_MEMORY = 256 * 1024 * 1024;

/** Hashes a password as `scrypt$N$r$p$salt$hash` (base64url parts). */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptKey(password, salt, SCRYPT.keyLength, {
    N: SCRYPT.N,
    r: SCRYPT.r,
    p: SCRYPT.p,
    maxmem: MAX_MEMORY,
  });
  return ['scrypt', SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** Checks a password against a stored hash, comparing in constant time; a malformed hash never matches. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const options = { N: Number(n), r: Number(r), p: Number(p), maxmem: MAX_MEMORY };
  if (![options.N, options.r, options.p].every(Number.isSafeInteger) || expected.length < 16) return false;
  const actual = await scryptKey(password, Buffer.from(salt, 'base64url'), expected.length, options);
  return timingSafeEqual(actual, expected);
}

/** A password hash that never verifies, to spend the same time on unknown user names as on known ones. */
export const DUMMY_PASSWORD_HASH = `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${'A'.repeat(22)}$${'A'.repeat(43)}`;

function scryptKey(password: string, salt: Buffer, length: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, length, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}
