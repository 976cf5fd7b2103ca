/** The resources list page. */
import type { ReactNode } from 'react';
import { PageHeader } from '../../../shared/components/page-header.tsx';
import { ScopeLabel } from '../../../shared/components/scope-label.tsx';
import { ResourcesList } from '../components/resources-list.tsx';

/** The page component. */
export function ResourcesPage(): ReactNode {
  return (
    <div className="page">
      <PageHeader title="Resources" subtitle="Images, directories and files that were analyzed or scanned." />
      <ResourcesList scopeLabel={(scope) => <ScopeLabel scope={scope} />} />
    </div>
  );
}
