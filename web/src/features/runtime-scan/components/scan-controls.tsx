/** On-demand scan controls: namespaces, options (CIS, parallelism), and Start/Stop (hidden from read-only roles). */
import { type ReactNode, useEffect, useState } from 'react';
import { Card } from '../../../shared/components/card.tsx';
import { CheckField, ErrorAlert } from '../../../shared/components/form-fields.tsx';
import { useHasRole } from '../../../shared/hooks/use-session.ts';
import {
  isRunning,
  type ScanProgress,
  useNamespaces,
  useSaveScanOptions,
  useScanOptions,
  useStartScan,
  useStopScan,
} from '../api/runtime-scan.ts';
import { NamespacePicker } from './namespace-picker.tsx';

/** The controls card. */
export function ScanControls({ progress }: { progress: ScanProgress | undefined }): ReactNode {
  const canRun = useHasRole('writer');
  const namespaces = useNamespaces();
  const options = useScanOptions();
  const saveOptions = useSaveScanOptions();
  const start = useStartScan();
  const stop = useStopScan();
  const [selected, setSelected] = useState<string[]>([]);
  const [cis, setCis] = useState(false);
  const [parallelism, setParallelism] = useState(4);
  useEffect(() => {
    if (!options.data) return;
    setCis(options.data.cisDockerBenchmarkScanEnabled);
    setParallelism(options.data.maxScanParallelism);
  }, [options.data]);
  const running = isRunning(progress);
  const error = start.error ?? stop.error ?? saveOptions.error ?? namespaces.error;
  const optionsChanged =
    options.data !== undefined &&
    (options.data.cisDockerBenchmarkScanEnabled !== cis || options.data.maxScanParallelism !== parallelism);

  return (
    <Card
      titleId="scan-title"
      title="On-demand scan"
      actions={
        canRun ? (
          running ? (
            <button type="button" className="btn btn--danger" onClick={() => stop.mutate()} disabled={stop.isPending}>
              {stop.isPending ? 'Stopping…' : 'Stop scan'}
            </button>
          ) : (
            <button
              type="button"
              className="btn btn--primary"
              onClick={() => start.mutate(selected)}
              disabled={start.isPending}
              data-testid="start-scan"
            >
              {start.isPending ? 'Starting…' : 'Start scan'}
            </button>
          )
        ) : null
      }
    >
      <NamespacePicker
        label="Namespaces"
        namespaces={namespaces.data ?? []}
        selected={selected}
        onChange={setSelected}
        disabled={running || !canRun}
      />
      {canRun ? (
        <fieldset className="scan-options">
          <legend>Options</legend>
          <CheckField label="CIS Docker Benchmark checks" checked={cis} onChecked={setCis} />
          <label className="field--inline">
            Images scanned at once
            <input
              type="number"
              min={1}
              max={64}
              value={parallelism}
              onChange={(event) => setParallelism(Math.max(1, Number(event.target.value) || 1))}
              className="input--narrow"
            />
          </label>
          <button
            type="button"
            className="btn btn--small"
            disabled={!optionsChanged || saveOptions.isPending}
            onClick={() => saveOptions.mutate({ cisDockerBenchmarkScanEnabled: cis, maxScanParallelism: parallelism })}
          >
            Save options
          </button>
        </fieldset>
      ) : null}
      <ErrorAlert error={error} />
    </Card>
  );
}
