/** Request and response schemas of the auth routes. */
import { z } from 'zod';
import { ROLES } from '../../config.ts';

const role = z.enum(ROLES).describe('viewer reads; writer also ingests (CI export); admin also manages');
const name = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[\p{L}\p{N}._@+-]+$/u, 'letters, digits and . _ @ + - only');

/** `POST /auth/login` body. */
export const loginBody = z.object({ name, password: z.string().min(1).max(1024) }).strict();

/** A user, without secrets. */
export const userInfo = z.object({ id: z.string(), name: z.string(), role, createdAt: z.string() });

/** `POST /auth/login` response. */
export const loginResponse = z.object({
  token: z.string().describe('session token: send it as "Authorization: Bearer <token>"'),
  expiresAt: z.string(),
  user: userInfo,
});

/** The caller, for `GET /auth/me`. */
export const meResponse = z.object({
  kind: z.enum(['token', 'session', 'anonymous']),
  name: z.string(),
  role: role.nullable(),
});

/** A token, without its secret. */
export const tokenInfo = z.object({
  id: z.string(),
  name: z.string(),
  role,
  kind: z.enum(['api', 'session']),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
});

/** `POST /auth/tokens` body. */
export const createTokenBody = z
  .object({ name, role, expiresAt: z.iso.datetime().nullable().optional().describe('absent: never expires') })
  .strict();

/** `POST /auth/tokens` response: the only time the secret is shown. */
export const createdToken = tokenInfo.extend({ token: z.string() });

/** `POST /auth/users` body. */
export const createUserBody = z.object({ name, password: z.string().min(12).max(1024), role }).strict();

/** `PUT /auth/users/{name}` body. */
export const updateUserBody = z
  .object({ role: role.optional(), password: z.string().min(12).max(1024).optional() })
  .strict()
  .refine((body) => body.role !== undefined || body.password !== undefined, 'give a role or a password');

/** One audit log entry. */
export const auditEntry = z.object({
  time: z.string(),
  actor: z.string(),
  action: z.string(),
  target: z.string(),
  status: z.number().int(),
  address: z.string(),
});

/** `GET /auth/audit` query. */
export const auditQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(50),
});

/** Path parameter naming a user. */
export const userParams = z.object({ name });

/** Path parameter naming a token. */
export const tokenParams = z.object({ id: z.string().min(1).max(100) });
