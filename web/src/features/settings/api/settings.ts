/** Settings calls: API tokens and users (admins), the advisory database update, and re-matching status. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ADVISORY_DB_KEY } from '../../../shared/api/advisory-db.ts';
import type { ResponseJson } from '../../../shared/api/api-types.ts';
import { apiGet, apiSend } from '../../../shared/api/http.ts';
import type { Role } from '../../../shared/api/session.ts';

/** A token without its secret (`GET /api/auth/tokens`). */
export type TokenInfo = ResponseJson<'/api/auth/tokens', 'get'>[number];

/** A user without secrets (`GET /api/auth/users`). */
export type UserInfo = ResponseJson<'/api/auth/users', 'get'>[number];

const TOKENS = ['settings', 'tokens'] as const;
const USERS = ['settings', 'users'] as const;

/** Every token (admins). */
export function useTokens(enabled: boolean) {
  return useQuery({ queryKey: TOKENS, queryFn: () => apiGet('/api/auth/tokens'), enabled });
}

/** Creates an API token; the answer holds the secret, shown once. */
export function useCreateToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string; role: Role; expiresAt: string | null }) =>
      apiSend('post', '/api/auth/tokens', input),
    onSuccess: () => client.invalidateQueries({ queryKey: TOKENS }),
  });
}

/** Revokes a token. */
export function useDeleteToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiSend('delete', '/api/auth/tokens/{id}', undefined, { path: { id } }),
    onSuccess: () => client.invalidateQueries({ queryKey: TOKENS }),
  });
}

/** Every user (admins). */
export function useUsers(enabled: boolean) {
  return useQuery({ queryKey: USERS, queryFn: () => apiGet('/api/auth/users'), enabled });
}

/** Creates a user. */
export function useCreateUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string; password: string; role: Role }) => apiSend('post', '/api/auth/users', input),
    onSuccess: () => client.invalidateQueries({ queryKey: USERS }),
  });
}

/** Changes a user's role or password. */
export function useUpdateUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ name, ...input }: { name: string; role?: Role; password?: string }) =>
      apiSend('put', '/api/auth/users/{name}', input, { path: { name } }),
    onSuccess: () => client.invalidateQueries({ queryKey: USERS }),
  });
}

/** Deletes a user. */
export function useDeleteUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => apiSend('delete', '/api/auth/users/{name}', undefined, { path: { name } }),
    onSuccess: () => client.invalidateQueries({ queryKey: USERS }),
  });
}

/** Starts an advisory database update (`lucent db update` on the server), then a re-match of every stored SBOM. */
export function useUpdateAdvisoryDb() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { download: boolean; force: boolean }) => apiSend('post', '/api/advisories/update', input),
    onSuccess: () => client.invalidateQueries({ queryKey: ADVISORY_DB_KEY }),
  });
}
