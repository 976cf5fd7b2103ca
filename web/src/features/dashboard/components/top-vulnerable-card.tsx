/** "Most vulnerable": the top 5 applications, resources and packages, in tabs. */
import { type ReactNode, useState } from 'react';
import { Link } from 'react-router';
import { Card } from '../../../shared/components/card.tsx';
import { QueryState } from '../../../shared/components/query-state.tsx';
import { SeverityTags } from '../../../shared/components/severity-tags.tsx';
import { Tabs } from '../../../shared/components/tabs.tsx';
import { routes } from '../../../shared/lib/routes.ts';
import { type TopEntry, useMostVulnerable } from '../api/dashboard.ts';

type Kind = 'applications' | 'resources' | 'packages';

const SCOPE: Record<Kind, string> = {
  applications: 'applicationID',
  resources: 'applicationResourceID',
  packages: 'packageID',
};

function detailLink(kind: Kind, id: string): string {
  if (kind === 'applications') return routes.application(id);
  if (kind === 'resources') return routes.resource(id);
  return routes.package(id);
}

function TopList({ kind, entries }: { kind: Kind; entries: TopEntry[] }): ReactNode {
  if (entries.length === 0) return <p className="muted">No vulnerable {kind} yet.</p>;
  return (
    <ol className="top-list" data-testid={`top-${kind}`}>
      {entries.map((entry) => (
        <li key={entry.id}>
          <Link to={detailLink(kind, entry.id)} className="top-list__name">
            {entry.name}
          </Link>
          {entry.detail ? <span className="muted"> {entry.detail}</span> : null}
          <SeverityTags
            counts={entry.vulnerabilities}
            linkFor={(severity) =>
              routes.vulnerabilities({ [SCOPE[kind]]: entry.id, 'vulnerabilitySeverity[is]': severity })
            }
          />
        </li>
      ))}
    </ol>
  );
}

/** The card. */
export function TopVulnerableCard(): ReactNode {
  const query = useMostVulnerable();
  const [tab, setTab] = useState<string>('applications');
  return (
    <Card titleId="top-title" title="Most vulnerable" actions={null}>
      <QueryState query={query}>
        {(data) => (
          <Tabs
            label="Most vulnerable"
            selected={tab}
            onSelect={setTab}
            tabs={(['applications', 'resources', 'packages'] as const).map((kind) => ({
              id: kind,
              label: kind[0]?.toUpperCase() + kind.slice(1),
              panel: () => <TopList kind={kind} entries={data[kind]} />,
            }))}
          />
        )}
      </QueryState>
    </Card>
  );
}
