/**
 * Progress on a terminal: one status line on stderr, redrawn at most ten times a second, cleared when done. Silent
 * when stderr is not a TTY or with --quiet, so CI logs and pipes stay clean.
 */
import type { LayerProgress } from '../pipeline/read-layers.ts';
import { formatBytes } from './table.ts';

/** Receives layer progress and shows it. */
export interface ProgressDisplay {
  onLayer(event: LayerProgress): void;
  /** Counts a file handed to the analyzers. */
  onFileMatched(path: string): void;
  /** Shows a one-off status ("resolving image…"). */
  status(text: string): void;
  stop(): void;
}

const SILENT: ProgressDisplay = {
  onLayer: () => undefined,
  onFileMatched: () => undefined,
  status: () => undefined,
  stop: () => undefined,
};

/** A display on stderr when it is a terminal and not quieted, else one that does nothing. */
export function createProgress(options: { quiet: boolean; stream?: NodeJS.WriteStream }): ProgressDisplay {
  const stream = options.stream ?? process.stderr;
  if (options.quiet || !stream.isTTY) return SILENT;
  const bytes = new Map<number, number>();
  const sizes = new Map<number, number>();
  let total = 0;
  let done = 0;
  let cached = 0;
  let label = '';
  let last = 0;
  let shown = false;
  let matched = 0;
  const draw = (force = false) => {
    const now = Date.now();
    if (!force && now - last < 100) return;
    last = now;
    let line = label;
    if (total > 0) {
      const read = [...bytes.values()].reduce((sum, value) => sum + value, 0);
      const expected = [...sizes.values()].reduce((sum, value) => sum + Math.max(value, 0), 0);
      const amount = expected > 0 ? `${formatBytes(read)} / ${formatBytes(expected)}` : formatBytes(read);
      line = `layers ${done}/${total} (${cached} cached)  ${amount}${matched > 0 ? `  files analyzed: ${matched}` : ''}`;
    }
    const width = stream.columns || 80;
    stream.write(`\r\x1b[2K${line.slice(0, width - 1)}`);
    shown = true;
  };
  return {
    onLayer(event) {
      if (event.type === 'start') {
        total = Math.max(total, event.layer.index + 1);
        sizes.set(event.layer.index, event.layer.size);
      } else if (event.type === 'bytes') {
        bytes.set(event.layer.index, event.bytes);
      } else {
        done += 1;
        if (event.cached) cached += 1;
      }
      draw(event.type === 'done');
    },
    onFileMatched() {
      matched += 1;
      draw();
    },
    status(text) {
      label = text;
      draw(true);
    },
    stop() {
      if (shown) stream.write('\r\x1b[2K');
      shown = false;
    },
  };
}
