/** The applications list page, with "New application" for admins. */
import { type ReactNode, useState } from 'react';
import { PageHeader } from '../../../shared/components/page-header.tsx';
import { RoleGate } from '../../../shared/components/role-gate.tsx';
import { ScopeLabel } from '../../../shared/components/scope-label.tsx';
import { ApplicationFormDialog } from '../components/application-form.tsx';
import { ApplicationsList } from '../components/applications-list.tsx';

/** The page component. */
export function ApplicationsPage(): ReactNode {
  const [creating, setCreating] = useState(false);
  return (
    <div className="page">
      <PageHeader
        title="Applications"
        subtitle="Workloads, repositories and functions, each a group of scanned resources."
        actions={
          <RoleGate atLeast="writer">
            <button type="button" className="btn btn--primary" onClick={() => setCreating(true)}>
              New application
            </button>
          </RoleGate>
        }
      />
      <ApplicationsList scopeLabel={(scope) => <ScopeLabel scope={scope} />} />
      <ApplicationFormDialog open={creating} onClose={() => setCreating(false)} />
    </div>
  );
}
