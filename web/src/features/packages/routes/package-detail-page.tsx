/** One package: its fields, and tabs for its vulnerabilities (filled by the app), resources and applications. */
import type { ReactNode } from 'react';
import { DetailsList } from '../../../shared/components/details-list.tsx';
import { PageHeader } from '../../../shared/components/page-header.tsx';
import { QueryState } from '../../../shared/components/query-state.tsx';
import { ScopedSeverityTags } from '../../../shared/components/severity-tags.tsx';
import { UrlTabs } from '../../../shared/components/tabs.tsx';
import { formatNumber } from '../../../shared/lib/format.ts';
import { routes } from '../../../shared/lib/routes.ts';
import { usePackage } from '../api/packages.ts';
import { PackageResourcesList } from '../components/package-resources-list.tsx';

/** Related lists, rendered by the app (they belong to other features). */
export interface PackageDetailSlots {
  vulnerabilities: (packageId: string) => ReactNode;
  applications: (packageId: string) => ReactNode;
}

/** The page component. */
export function PackageDetailPage({ id, slots }: { id: string; slots: PackageDetailSlots }): ReactNode {
  const query = usePackage(id);
  return (
    <div className="page">
      <QueryState query={query}>
        {(pkg) => (
          <>
            <PageHeader
              crumbs={[{ label: 'Packages', to: routes.packages() }]}
              title={`${pkg.packageName} ${pkg.version}`}
              subtitle={pkg.purl ?? undefined}
            />
            <section className="card" aria-label="Package details">
              <DetailsList
                items={[
                  { label: 'Name', value: pkg.packageName },
                  { label: 'Version', value: <code>{pkg.version}</code> },
                  { label: 'Language', value: pkg.language },
                  { label: 'Type', value: pkg.type },
                  {
                    label: 'Licenses',
                    value: pkg.licenses.map((license) => (
                      <span key={license} className="tag">
                        {license}
                      </span>
                    )),
                  },
                  { label: 'Package URL', value: pkg.purl ? <code>{pkg.purl}</code> : null },
                  {
                    label: 'Vulnerabilities',
                    value: (
                      <ScopedSeverityTags counts={pkg.vulnerabilities} scope={{ key: 'packageID', value: pkg.id }} />
                    ),
                  },
                  { label: 'Resources', value: formatNumber(pkg.applicationResources) },
                  { label: 'Applications', value: formatNumber(pkg.applications) },
                ]}
              />
            </section>
            <UrlTabs
              label="Package sections"
              defaultTab="vulnerabilities"
              tabs={[
                { id: 'vulnerabilities', label: 'Vulnerabilities', panel: () => slots.vulnerabilities(pkg.id) },
                { id: 'resources', label: 'Resources', panel: () => <PackageResourcesList packageId={pkg.id} /> },
                { id: 'applications', label: 'Applications', panel: () => slots.applications(pkg.id) },
              ]}
            />
          </>
        )}
      </QueryState>
    </div>
  );
}
