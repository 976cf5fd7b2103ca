/** A donut card of package counts per license or language: top N plus "Others", each opening the packages list. */
import type { ReactNode } from 'react';
import { Card } from '../../../shared/components/card.tsx';
import { DonutChart } from '../../../shared/components/charts/donut-chart.tsx';
import { QueryState } from '../../../shared/components/query-state.tsx';
import { type NamedCount, topWithOthers } from '../../../shared/lib/chart-math.ts';
import { routes } from '../../../shared/lib/routes.ts';

/** Props of ShareDonutCard. */
export interface ShareDonutCardProps {
  title: string;
  /** The packages-list filter field ("license" or "language"). */
  field: 'license' | 'language';
  query: {
    data: { name: string; count: number }[] | undefined;
    error: unknown;
    isPending: boolean;
    refetch: () => unknown;
  };
  top?: number;
}

/** Slices link to `field[is]=name`; "Others" links to `field[isNot]` of every name shown (KubeClarity's choice). */
export function ShareDonutCard({ title, field, query, top = 5 }: ShareDonutCardProps): ReactNode {
  const id = `donut-${field}`;
  return (
    <Card titleId={id} title={title} actions={null}>
      <QueryState query={query}>
        {(rows) => {
          const items = topWithOthers(rows, top);
          const shown = items.filter((item) => !item.others).map((item) => item.name);
          const linkFor = (item: NamedCount) =>
            item.others
              ? routes.packages({ [`${field}[isNot]`]: shown })
              : routes.packages({ [`${field}[is]`]: item.name });
          // Packages without a license (or language) are not in these charts, so the centre says what it counts.
          return <DonutChart title={title} items={items} linkFor={linkFor} unit={`with a ${field}`} />;
        }}
      </QueryState>
    </Card>
  );
}
