/** The dashboard: counters, fixable vulnerabilities, most vulnerable, license and language shares, trends. */
import type { ReactNode } from 'react';
import { CounterTile } from '../../../shared/components/counter-tile.tsx';
import { PageHeader } from '../../../shared/components/page-header.tsx';
import { routes } from '../../../shared/lib/routes.ts';
import { useCounters, usePackagesPerLanguage, usePackagesPerLicense } from '../api/dashboard.ts';
import { AdvisoryDbTiles } from '../components/advisory-db-tiles.tsx';
import { FixableCard } from '../components/fixable-card.tsx';
import { ShareDonutCard } from '../components/share-donut-card.tsx';
import { TopVulnerableCard } from '../components/top-vulnerable-card.tsx';
import { TrendsCard } from '../components/trends-card.tsx';

/** The page component. */
export function DashboardPage(): ReactNode {
  const counters = useCounters();
  const licenses = usePackagesPerLicense();
  const languages = usePackagesPerLanguage();
  return (
    <div className="page">
      <PageHeader title="Dashboard" />
      <section className="grid grid--4" aria-label="Counters">
        <CounterTile
          label="Applications"
          value={counters.data?.applications}
          to={routes.applications()}
          testId="counter-applications"
        />
        <CounterTile
          label="Resources"
          value={counters.data?.resources}
          to={routes.resources()}
          testId="counter-resources"
        />
        <CounterTile
          label="Packages"
          value={counters.data?.packages}
          to={routes.packages()}
          testId="counter-packages"
        />
        <AdvisoryDbTiles />
      </section>
      <div className="grid grid--2">
        <FixableCard />
        <TopVulnerableCard />
        <ShareDonutCard title="Packages per license" field="license" query={licenses} />
        <ShareDonutCard title="Packages per language" field="language" query={languages} />
      </div>
      <TrendsCard />
    </div>
  );
}
