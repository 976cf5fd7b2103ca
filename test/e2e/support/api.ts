/** Direct API calls with a token, for the numbers the browser must show and for setting up users. */
import type { LucentServer } from './lucent-server.ts';

/** GETs JSON from the server with the admin token. */
export async function apiJson<T = unknown>(server: LucentServer, path: string): Promise<T> {
  const response = await fetch(`${server.url}${path}`, { headers: { Authorization: `Bearer ${server.adminToken}` } });
  if (!response.ok) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** GETs text (CSV) from the server with the admin token. */
export async function apiText(server: LucentServer, path: string): Promise<string> {
  const response = await fetch(`${server.url}${path}`, { headers: { Authorization: `Bearer ${server.adminToken}` } });
  if (!response.ok) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
  return response.text();
}

/** POSTs JSON with the admin token. */
export async function apiPost<T = unknown>(server: LucentServer, path: string, body: unknown): Promise<T> {
  const response = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${server.adminToken}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`POST ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** Creates a user with a role; returns its password. */
export async function createUser(
  server: LucentServer,
  name: string,
  role: 'viewer' | 'writer' | 'admin',
): Promise<string> {
  const password = `pw-${name}-${Math.random().toString(36).slice(2)}-long`;
  await apiPost(server, '/api/auth/users', { name, password, role });
  return password;
}

/** A list page of the API. */
export interface ApiPage<T> {
  total: number;
  items: T[];
}
