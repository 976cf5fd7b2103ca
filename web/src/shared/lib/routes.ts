/**
 * The dashboard's URLs in one place. They follow KubeClarity's SPA paths (/applications, /applicationResources,
 * /packages, /vulnerabilities, /runtimeScan) so old bookmarks keep working; features link to each other through
 * these builders, never by importing each other.
 */
import { listLink } from './list-query.ts';

const enc = encodeURIComponent;

/** Path builders for every page. */
export const routes = {
  dashboard: () => '/',
  login: (next?: string) => (next && next !== '/' ? `/login?next=${enc(next)}` : '/login'),
  applications: (params: Record<string, string | number | boolean | string[]> = {}) =>
    listLink('/applications', params),
  application: (id: string) => `/applications/${enc(id)}`,
  resources: (params: Record<string, string | number | boolean | string[]> = {}) =>
    listLink('/applicationResources', params),
  resource: (id: string) => `/applicationResources/${enc(id)}`,
  packages: (params: Record<string, string | number | boolean | string[]> = {}) => listLink('/packages', params),
  package: (id: string) => `/packages/${enc(id)}`,
  vulnerabilities: (params: Record<string, string | number | boolean | string[]> = {}) =>
    listLink('/vulnerabilities', params),
  vulnerability: (vulnerabilityId: string, packageId: string) =>
    `/vulnerabilities/${enc(vulnerabilityId)}/${enc(packageId)}`,
  runtimeScan: () => '/runtimeScan',
  settings: (tab?: string) => (tab ? `/settings?tab=${enc(tab)}` : '/settings'),
} as const;
