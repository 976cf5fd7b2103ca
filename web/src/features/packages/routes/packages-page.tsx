/** The packages list page. */
import type { ReactNode } from 'react';
import { PageHeader } from '../../../shared/components/page-header.tsx';
import { ScopeLabel } from '../../../shared/components/scope-label.tsx';
import { PackagesList } from '../components/packages-list.tsx';

/** The page component. */
export function PackagesPage(): ReactNode {
  return (
    <div className="page">
      <PageHeader title="Packages" subtitle="Every package found in your resources, with its vulnerabilities." />
      <PackagesList scopeLabel={(scope) => <ScopeLabel scope={scope} />} />
    </div>
  );
}
