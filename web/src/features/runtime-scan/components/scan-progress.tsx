/** Live progress of the current or last scan: overall percentage and each image's state, with failure reasons. */
import type { ReactNode } from 'react';
import { formatDateTime } from '../../../shared/lib/format.ts';
import type { ScanProgress } from '../api/runtime-scan.ts';

const STATUS_TEXT: Record<ScanProgress['status'], string> = {
  NOT_STARTED: 'No scan has run yet',
  IN_PROGRESS: 'Scanning',
  FINALIZING: 'Saving results',
  DONE: 'Done',
};

/** The progress card. */
export function ScanProgressCard({ progress }: { progress: ScanProgress }): ReactNode {
  const images = progress.images ?? [];
  const failed = images.filter((image) => image.state === 'failed');
  const percent = Math.max(0, Math.min(100, Math.round(progress.scanned)));
  return (
    <section className="card" aria-labelledby="progress-title">
      <div className="card__head">
        <h2 id="progress-title">Progress</h2>
        <span className="muted">
          {progress.scanType === 'SCHEDULE' ? 'Scheduled scan' : progress.scanType === 'QUICK' ? 'On-demand scan' : ''}
        </span>
      </div>
      <p aria-live="polite" data-testid="scan-status">
        <strong>{STATUS_TEXT[progress.status]}</strong>
        {progress.status !== 'NOT_STARTED' ? ` · ${percent}%` : ''}
        {progress.scannedNamespaces.length > 0
          ? ` · namespaces: ${progress.scannedNamespaces.join(', ')}`
          : progress.status !== 'NOT_STARTED'
            ? ' · all namespaces'
            : ''}
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
        {progress.endTime ? ` · finished ${formatDateTime(progress.endTime)}` : null}
      </p>
      {images.length > 0 ? (
        <div className="table-wrap">
          <table className="data-table data-table--compact" data-testid="scan-images">
            <caption className="sr-only">Images</caption>
            <thead>
              <tr>
                <th scope="col">Image</th>
                <th scope="col">State</th>
                <th scope="col">Pods</th>
                <th scope="col">Reason</th>
              </tr>
            </thead>
            <tbody>
              {images.map((image) => (
                <tr key={image.imageId ?? image.image}>
                  <td>
                    <code>{image.image}</code>
                  </td>
                  <td>
                    <span className={`image-state image-state--${image.state}`}>{image.state}</span>
                  </td>
                  <td>{image.pods.join(', ')}</td>
                  <td>{image.error ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {failed.length > 0 ? (
        <p role="status" className="state state--error">
          {failed.length} image{failed.length === 1 ? '' : 's'} could not be scanned; the reasons are in the table.
        </p>
      ) : null}
    </section>
  );
}
