/** The text of a list's scope chip ("Application 3f2a…"), naming what the list is limited to. */
import type { ReactNode } from 'react';
import type { ScopeKey } from '../lib/list-query.ts';

const NAMES: Record<ScopeKey, string> = {
  applicationID: 'Application',
  applicationResourceID: 'Resource',
  packageID: 'Package',
  currentRuntimeScan: 'Latest runtime scan',
};

/** "Limited to application 3f2a9c…"; the last runtime scan needs no id. */
export function ScopeLabel({ scope }: { scope: { key: ScopeKey; value: string } }): ReactNode {
  if (scope.key === 'currentRuntimeScan') return <span>Limited to the latest runtime scan</span>;
  return (
    <span>
      Limited to {NAMES[scope.key].toLowerCase()} <code title={scope.value}>{scope.value.slice(0, 8)}…</code>
    </span>
  );
}
