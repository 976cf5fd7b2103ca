/** The vulnerabilities list page. */
import type { ReactNode } from 'react';
import { PageHeader } from '../../../shared/components/page-header.tsx';
import { ScopeLabel } from '../../../shared/components/scope-label.tsx';
import { VulnerabilitiesList } from '../components/vulnerabilities-list.tsx';

/** The page component. */
export function VulnerabilitiesPage(): ReactNode {
  return (
    <div className="page">
      <PageHeader title="Vulnerabilities" subtitle="One row per vulnerability and affected package version." />
      <VulnerabilitiesList scopeLabel={(scope) => <ScopeLabel scope={scope} />} />
    </div>
  );
}
