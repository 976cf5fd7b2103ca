import { describe, expect, it } from 'vitest';
import { runScanners } from './run-scanners.ts';
import type { ScannerContext, ScannerFinding, ScannerInput, VulnerabilityScanner } from './scanner.ts';

const input: ScannerInput = { path: '/tmp/sbom.cdx.json', text: '{}', subject: { name: 'app' } };
const context: ScannerContext = { env: {}, timeoutMs: 1000, options: {} };
const finding: ScannerFinding = {
  id: 'CVE-1',
  aliases: [],
  packageName: 'a',
  installedVersion: '1',
  fixedVersions: [],
};

function scanner(name: string, scan: VulnerabilityScanner['scan'], reason?: string): VulnerabilityScanner {
  return {
    name,
    available: async () => (reason ? { available: false, reason } : { available: true }),
    scan,
  };
}

describe('runScanners', () => {
  it('gives each scanner’s findings or the reason it failed, in the scanners’ order', async () => {
    const running = runScanners(
      [
        scanner('slow', async () => {
          await new Promise((resolve) => setTimeout(resolve, 20));
          return [finding];
        }),
        scanner('broken', async () => {
          throw new Error('exit code 1: db could not be loaded');
        }),
        scanner('missing', async () => [], 'not installed'),
      ],
      input,
      context,
    );
    expect(await running.outcomes).toEqual([
      { scanner: 'slow', findings: [finding] },
      { scanner: 'broken', failure: 'exit code 1: db could not be loaded' },
      { scanner: 'missing', failure: 'not installed' },
    ]);
  });

  it('says every scan has started before any has finished, so the caller can match meanwhile', async () => {
    const events: string[] = [];
    let finish: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      finish = resolve;
    });
    const running = runScanners(
      ['a', 'b'].map((name) =>
        scanner(name, async () => {
          events.push(`${name} scanning`);
          await gate;
          events.push(`${name} done`);
          return [];
        }),
      ),
      input,
      context,
    );
    await running.started;
    events.push('started');
    finish();
    await running.outcomes;
    expect(events).toEqual(['a scanning', 'b scanning', 'started', 'a done', 'b done']);
  });
});
