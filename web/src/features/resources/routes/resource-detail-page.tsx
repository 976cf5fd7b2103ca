/**
 * One resource: its fields, SBOM download, delete (admins), and tabs for packages, vulnerabilities and applications
 * (filled by the app), layers and CIS results (images only).
 */
import type { ReactNode } from 'react';
import { DeleteAction } from '../../../shared/components/delete-action.tsx';
import { DetailsList } from '../../../shared/components/details-list.tsx';
import { PageHeader } from '../../../shared/components/page-header.tsx';
import { QueryState } from '../../../shared/components/query-state.tsx';
import { ScopedSeverityTags } from '../../../shared/components/severity-tags.tsx';
import { UrlTabs } from '../../../shared/components/tabs.tsx';
import { formatDateTime, formatNumber } from '../../../shared/lib/format.ts';
import { routes } from '../../../shared/lib/routes.ts';
import { useDeleteResource, useResource } from '../api/resources.ts';
import { CisTable } from '../components/cis-table.tsx';
import { LayersTable } from '../components/layers-table.tsx';
import { SbomDownload } from '../components/sbom-download.tsx';

/** "Debian GNU/Linux 10 (buster)" from os-release fields, when the scan recorded them. */
function osName(os: Record<string, unknown> | null): string | null {
  if (!os) return null;
  const pretty = os.PRETTY_NAME ?? os.prettyName;
  if (typeof pretty === 'string' && pretty) return pretty;
  const parts = [os.NAME ?? os.name ?? os.ID ?? os.id, os.VERSION_ID ?? os.versionId ?? os.version];
  return parts.filter((part) => typeof part === 'string' && part).join(' ') || null;
}

/** Licenses as small tags. */
function LabelChips({ items }: { items: readonly string[] }): ReactNode {
  if (items.length === 0) return null;
  return (
    <span>
      {items.map((item) => (
        <span key={item} className="tag">
          {item}
        </span>
      ))}
    </span>
  );
}

/** Related lists, rendered by the app (they belong to other features). */
export interface ResourceDetailSlots {
  packages: (resourceId: string) => ReactNode;
  vulnerabilities: (resourceId: string) => ReactNode;
  applications: (resourceId: string) => ReactNode;
}

/** The page component. */
export function ResourceDetailPage({ id, slots }: { id: string; slots: ResourceDetailSlots }): ReactNode {
  const query = useResource(id);
  const remove = useDeleteResource();
  return (
    <div className="page">
      <QueryState query={query}>
        {({
          applicationResource: resource,
          licenses,
          reportingScanners,
          os,
          firstSeen,
          lastAnalysisAt,
          lastScanAt,
        }) => {
          const image = resource.resourceType === 'IMAGE';
          return (
            <>
              <PageHeader
                crumbs={[{ label: 'Resources', to: routes.resources() }]}
                title={resource.resourceName}
                subtitle={resource.resourceHash}
                actions={
                  <>
                    <SbomDownload resourceId={resource.id} name={resource.resourceName} />
                    <DeleteAction
                      title="Delete this resource?"
                      message={
                        <p>
                          <strong>{resource.resourceName}</strong> and its findings will be deleted. Packages no other
                          resource uses go too. A new scan brings it back.
                        </p>
                      }
                      onDelete={() => remove.mutateAsync(resource.id)}
                      listPath={routes.resources()}
                    />
                  </>
                }
              />
              <section className="card" aria-label="Resource details">
                <DetailsList
                  items={[
                    { label: 'Type', value: resource.resourceType },
                    { label: 'Hash', value: <code>{resource.resourceHash}</code> },
                    {
                      label: 'Vulnerabilities',
                      value: (
                        <ScopedSeverityTags
                          counts={resource.vulnerabilities}
                          scope={{ key: 'applicationResourceID', value: resource.id }}
                        />
                      ),
                    },
                    { label: 'Packages', value: formatNumber(resource.packages) },
                    { label: 'Applications', value: formatNumber(resource.applications) },
                    { label: 'SBOM analyzers', value: resource.reportingSBOMAnalyzers.join(', ') },
                    { label: 'Scanners', value: reportingScanners.join(', ') },
                    { label: 'Operating system', value: osName(os) },
                    { label: 'First seen', value: formatDateTime(firstSeen) },
                    { label: 'Last analysis', value: lastAnalysisAt ? formatDateTime(lastAnalysisAt) : null },
                    { label: 'Last scan', value: lastScanAt ? formatDateTime(lastScanAt) : null },
                    { label: 'Licenses', value: <LabelChips items={licenses} /> },
                  ]}
                />
              </section>
              <UrlTabs
                label="Resource sections"
                defaultTab="vulnerabilities"
                tabs={[
                  { id: 'vulnerabilities', label: 'Vulnerabilities', panel: () => slots.vulnerabilities(resource.id) },
                  { id: 'packages', label: 'Packages', panel: () => slots.packages(resource.id) },
                  {
                    id: 'layers',
                    label: 'Layers',
                    panel: () => <LayersTable resourceId={resource.id} />,
                    disabled: !image,
                  },
                  {
                    id: 'cis',
                    label: 'CIS benchmark',
                    panel: () => <CisTable resourceId={resource.id} />,
                    disabled: !image,
                  },
                  { id: 'applications', label: 'Applications', panel: () => slots.applications(resource.id) },
                ]}
              />
            </>
          );
        }}
      </QueryState>
    </div>
  );
}
