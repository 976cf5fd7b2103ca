/** Runtime scan: start or stop a scan of the cluster, follow it live, read its results, and manage schedules. */
import type { ReactNode } from 'react';
import { PageHeader } from '../../../shared/components/page-header.tsx';
import { QueryState } from '../../../shared/components/query-state.tsx';
import { useScanProgress } from '../api/runtime-scan.ts';
import { ScanControls } from '../components/scan-controls.tsx';
import { ScanProgressCard } from '../components/scan-progress.tsx';
import { ScanResultsCard } from '../components/scan-results.tsx';
import { SchedulesPanel } from '../components/schedules-panel.tsx';

/** The page component. */
export function RuntimeScanPage(): ReactNode {
  const progress = useScanProgress();
  return (
    <div className="page">
      <PageHeader title="Runtime scan" subtitle="Scan the images running in your Kubernetes cluster." />
      <div className="grid grid--2">
        <ScanControls progress={progress.data} />
        <QueryState query={progress}>{(data) => <ScanProgressCard progress={data} />}</QueryState>
      </div>
      {progress.data?.status === 'DONE' ? <ScanResultsCard endTime={progress.data.endTime} /> : null}
      <SchedulesPanel />
    </div>
  );
}
