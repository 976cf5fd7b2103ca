import { describe, expect, it } from 'vitest';
import type { LayerDescriptor } from '../image/image.ts';
import { createProgress } from './progress.ts';

function fakeStream(isTTY: boolean) {
  const writes: string[] = [];
  const stream = { isTTY, columns: 60, write: (text: string) => writes.push(text) } as unknown as NodeJS.WriteStream;
  return { stream, writes };
}

const layer = (index: number, size: number): LayerDescriptor => ({
  index,
  digest: `sha256:${index}`,
  diffId: `sha256:${index}`,
  mediaType: 'test',
  size,
});

describe('createProgress', () => {
  it('draws layer counts and bytes on a terminal, and clears its line when stopped', () => {
    const { stream, writes } = fakeStream(true);
    const progress = createProgress({ quiet: false, stream });
    progress.onLayer({ type: 'start', layer: layer(0, 2_000_000) });
    progress.onLayer({ type: 'start', layer: layer(1, 1_000_000) });
    progress.onLayer({ type: 'done', layer: layer(1, 1_000_000), cached: true });
    progress.onLayer({ type: 'bytes', layer: layer(0, 2_000_000), bytes: 1_500_000 });
    progress.onLayer({ type: 'done', layer: layer(0, 2_000_000), cached: false });
    expect(writes.at(-1)).toBe('\r\x1b[2Klayers 2/2 (1 cached)  1.5 MB / 3.0 MB');
    progress.stop();
    progress.stop();
    expect(writes.at(-1)).toBe('\r\x1b[2K');
    expect(writes.filter((text) => text === '\r\x1b[2K')).toHaveLength(1);
  });

  it.each([
    ['not a terminal', false, false],
    ['--quiet', true, true],
  ])('writes nothing when %s', (_name, isTTY, quiet) => {
    const { stream, writes } = fakeStream(isTTY);
    const progress = createProgress({ quiet, stream });
    progress.status('reading…');
    progress.onLayer({ type: 'start', layer: layer(0, 10) });
    progress.stop();
    expect(writes).toEqual([]);
  });
});

describe('createProgress file counts', () => {
  it('shows how many files were handed to analyzers', () => {
    const { stream, writes } = fakeStream(true);
    const progress = createProgress({ quiet: false, stream });
    progress.onLayer({ type: 'start', layer: layer(0, 1000) });
    progress.onFileMatched('var/lib/dpkg/status');
    progress.onFileMatched('etc/os-release');
    progress.onLayer({ type: 'done', layer: layer(0, 1000), cached: false });
    expect(writes.at(-1)).toBe('\r\x1b[2Klayers 1/1 (0 cached)  0 B / 1.0 kB  files analyzed: 2');
  });
});
