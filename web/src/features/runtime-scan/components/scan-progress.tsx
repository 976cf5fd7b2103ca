/** Live progress of the current or last scan: overall percentage and each image's state, with failure reasons. */
import type { ReactNode } from 'react';
import { Card } from '../../../shared/components/card.tsx';
import { PlainTable } from '../../../shared/components/plain-table.tsx';
import { formatDateTime, shortHash } from '../../../shared/lib/format.ts';
import type { ImageProgress, ScanProgress } from '../api/runtime-scan.ts';

const IMAGE_HEADERS = ['Image', 'State', 'How', 'Pods', 'Reason'] as const;

const STATUS_TEXT: Record<ScanProgress['status'], string> = {
  NOT_STARTED: 'No scan has run yet',
  IN_PROGRESS: 'Scanning',
  FINALIZING: 'Saving results',
  DONE: 'Done',
};

const STATE_TEXT: Record<ImageProgress['state'], string> = {
  queued: 'queued',
  pulling: 'pulling',
  analyzing: 'analyzing',
  matching: 'matching',
  done: 'done',
  failed: 'failed',
};

const ACTION_TEXT: Record<ImageProgress['action'], string> = {
  pull: 'pulled and analyzed',
  rematch: 'stored SBOM re-matched',
  current: 'stored findings up to date',
};

/** The progress card. */
export function ScanProgressCard(props: {
  progress: ScanProgress;
  images: readonly ImageProgress[];
  /** The run's failure messages (images that failed, and images whose digest was not known, with their pods). */
  failures: readonly { message: string }[];
  endTime?: string | undefined;
}): ReactNode {
  const { progress, images, failures, endTime } = props;
  const failed = images.filter((image) => image.state === 'failed');
  const percent = Math.max(0, Math.min(100, Math.round(progress.scanned)));
  const namespaces = progress.scannedNamespaces.length > 0 ? progress.scannedNamespaces.join(', ') : 'all namespaces';
  return (
    <Card
      titleId="progress-title"
      title="Progress"
      actions={
        <span className="muted">
          {progress.scanType === 'SCHEDULE' ? 'Scheduled scan' : progress.scanType === 'QUICK' ? 'On-demand scan' : ''}
        </span>
      }
    >
      <p aria-live="polite" data-testid="scan-status">
        <strong>{STATUS_TEXT[progress.status]}</strong>
        {progress.status !== 'NOT_STARTED' ? ` · ${percent}% · ${namespaces}` : ''}
      </p>
      {progress.status !== 'NOT_STARTED' ? (
        <div
          className="progress"
          role="progressbar"
          aria-label="Scan progress"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
        >
          <span className="progress__fill" style={{ width: `${percent}%` }} />
        </div>
      ) : null}
      <p className="muted">
        {progress.startTime ? `Started ${formatDateTime(progress.startTime)}` : null}
        {endTime && progress.status === 'DONE' ? ` · finished ${formatDateTime(endTime)}` : null}
      </p>
      {images.length > 0 ? (
        <PlainTable caption="Images" testId="scan-images" compact headers={IMAGE_HEADERS}>
          {images.map((image) => (
            <tr key={image.digest || image.name} data-state={image.state}>
              <td>
                <code title={image.digest}>{image.name}</code>
                {image.digest ? <span className="muted"> {shortHash(image.digest)}</span> : null}
              </td>
              <td>
                <span className={`image-state image-state--${image.state}`}>
                  {STATE_TEXT[image.state] ?? image.state}
                </span>
              </td>
              <td>{ACTION_TEXT[image.action]}</td>
              <td>{image.pods.join(', ')}</td>
              <td>{image.reason ?? ''}</td>
            </tr>
          ))}
        </PlainTable>
      ) : null}
      {failed.length > 0 || failures.length > 0 ? (
        <div role="status" className="state state--error" data-testid="scan-failures">
          <p>
            {failures.length || failed.length} image{(failures.length || failed.length) === 1 ? '' : 's'} could not be
            scanned:
          </p>
          <ul>
            {failures.map((failure) => (
              <li key={failure.message}>{failure.message}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </Card>
  );
}
