/** One application: its fields and licenses, edit and delete (admins), and tabs the app fills with related lists. */
import { type ReactNode, useState } from 'react';
import { DeleteAction } from '../../../shared/components/delete-action.tsx';
import { DetailsList } from '../../../shared/components/details-list.tsx';
import { PageHeader } from '../../../shared/components/page-header.tsx';
import { QueryState } from '../../../shared/components/query-state.tsx';
import { RoleGate } from '../../../shared/components/role-gate.tsx';
import { ScopedSeverityTags } from '../../../shared/components/severity-tags.tsx';
import { UrlTabs } from '../../../shared/components/tabs.tsx';
import { formatNumber } from '../../../shared/lib/format.ts';
import { routes } from '../../../shared/lib/routes.ts';
import { useApplication, useDeleteApplication } from '../api/applications.ts';
import { ApplicationFormDialog } from '../components/application-form.tsx';
import { LabelList } from '../components/label-list.tsx';

/** Related lists, rendered by the app (they belong to other features). */
export interface ApplicationDetailSlots {
  resources: (applicationId: string) => ReactNode;
  packages: (applicationId: string) => ReactNode;
  vulnerabilities: (applicationId: string) => ReactNode;
}

/** The page component. */
export function ApplicationDetailPage({ id, slots }: { id: string; slots: ApplicationDetailSlots }): ReactNode {
  const query = useApplication(id);
  const remove = useDeleteApplication();
  const [editing, setEditing] = useState(false);
  return (
    <div className="page">
      <QueryState query={query}>
        {({ application, licenses }) => (
          <>
            <PageHeader
              crumbs={[{ label: 'Applications', to: routes.applications() }]}
              title={application.applicationName}
              subtitle={`${application.applicationType} application`}
              actions={
                <>
                  <RoleGate atLeast="writer">
                    <button type="button" className="btn" onClick={() => setEditing(true)}>
                      Edit
                    </button>
                  </RoleGate>
                  <DeleteAction
                    title="Delete this application?"
                    message={
                      <p>
                        <strong>{application.applicationName}</strong> will be deleted. Its resources, packages and
                        findings stay, as other applications may share them.
                      </p>
                    }
                    onDelete={() => remove.mutateAsync(application.id)}
                    listPath={routes.applications()}
                  />
                </>
              }
            />
            <section className="card" aria-label="Application details">
              <DetailsList
                items={[
                  { label: 'ID', value: <code>{application.id}</code> },
                  { label: 'Type', value: application.applicationType },
                  { label: 'Labels', value: <LabelList items={application.labels} max={10} /> },
                  { label: 'Environments', value: <LabelList items={application.environments} max={10} /> },
                  {
                    label: 'Vulnerabilities',
                    value: (
                      <ScopedSeverityTags
                        counts={application.vulnerabilities}
                        scope={{ key: 'applicationID', value: application.id }}
                      />
                    ),
                  },
                  { label: 'Resources', value: formatNumber(application.applicationResources) },
                  { label: 'Packages', value: formatNumber(application.packages) },
                  { label: 'Licenses', value: <LabelList items={licenses} max={12} /> },
                ]}
              />
            </section>
            <UrlTabs
              label="Related"
              defaultTab="resources"
              tabs={[
                { id: 'resources', label: 'Resources', panel: () => slots.resources(application.id) },
                { id: 'vulnerabilities', label: 'Vulnerabilities', panel: () => slots.vulnerabilities(application.id) },
                { id: 'packages', label: 'Packages', panel: () => slots.packages(application.id) },
              ]}
            />
            <ApplicationFormDialog open={editing} onClose={() => setEditing(false)} application={application} />
          </>
        )}
      </QueryState>
    </div>
  );
}
