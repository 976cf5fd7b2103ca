/** Runtime scan: start or stop a scan of the cluster, follow it live, read its results, and manage schedules. */
import { type ReactNode, useState } from 'react';
import { PageHeader } from '../../../shared/components/page-header.tsx';
import { ErrorBox, Loading } from '../../../shared/components/query-state.tsx';
import { useScanProgress, useScanResults } from '../api/runtime-scan.ts';
import { ScanControls } from '../components/scan-controls.tsx';
import { ScanProgressCard } from '../components/scan-progress.tsx';
import { ScanResultsCard } from '../components/scan-results.tsx';
import { SchedulesPanel } from '../components/schedules-panel.tsx';

/** The page component. */
export function RuntimeScanPage(): ReactNode {
  const progress = useScanProgress();
  const [minimum, setMinimum] = useState('');
  const results = useScanResults(minimum, progress.data);
  return (
    <div className="page">
      <PageHeader title="Runtime scan" subtitle="Scan the images running in your Kubernetes cluster." />
      <div className="grid grid--2">
        <ScanControls progress={progress.data} />
        {progress.data ? (
          <ScanProgressCard
            progress={progress.data}
            images={results.data?.images ?? []}
            failures={results.data?.failures ?? []}
            endTime={results.data?.endTime}
          />
        ) : progress.error ? (
          <ErrorBox error={progress.error} onRetry={() => void progress.refetch()} />
        ) : (
          <Loading />
        )}
      </div>
      {progress.data?.status === 'DONE' && results.data ? (
        <ScanResultsCard results={results.data} minimum={minimum} onMinimum={setMinimum} />
      ) : null}
      <SchedulesPanel />
    </div>
  );
}
