/** The text of a list's scope chip ("Limited to application nginx-frontend"), naming what the list is limited to. */
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { apiGet } from '../api/http.ts';
import type { ScopeKey } from '../lib/list-query.ts';

const NAMES: Record<Exclude<ScopeKey, 'currentRuntimeScan'>, string> = {
  applicationID: 'application',
  applicationResourceID: 'resource',
  packageID: 'package',
};

/** The name of the scoped application, resource or package (its id until known, or when it is gone). */
async function scopeName(key: Exclude<ScopeKey, 'currentRuntimeScan'>, id: string): Promise<string> {
  if (key === 'applicationID')
    return (await apiGet('/api/applications/{id}', { path: { id } })).application.applicationName;
  if (key === 'applicationResourceID') {
    return (await apiGet('/api/applicationResources/{id}', { path: { id } })).applicationResource.resourceName;
  }
  const pkg = await apiGet('/api/packages/{id}', { path: { id } });
  return `${pkg.packageName} ${pkg.version}`;
}

/** "Limited to application nginx-frontend"; the last runtime scan needs no name. */
export function ScopeLabel({ scope }: { scope: { key: ScopeKey; value: string } }): ReactNode {
  const key = scope.key === 'currentRuntimeScan' ? null : scope.key;
  const name = useQuery({
    queryKey: ['scope-name', scope.key, scope.value],
    queryFn: () => scopeName(key as Exclude<ScopeKey, 'currentRuntimeScan'>, scope.value),
    enabled: key !== null,
    staleTime: 300_000,
    retry: false,
  });
  if (key === null) return <span>Limited to the latest runtime scan</span>;
  return (
    <span data-testid="scope">
      Limited to {NAMES[key]} <strong title={scope.value}>{name.data ?? `${scope.value.slice(0, 8)}…`}</strong>
    </span>
  );
}
