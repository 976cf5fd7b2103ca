/**
 * Runs the chosen external scanners in parallel on one SBOM. A scanner that is unavailable (no binary, DB, URL or key),
 * fails, times out or prints something unreadable gives a failure with its name and the reason; the caller turns it
 * into a warning, or into an error when every chosen scanner failed.
 */
import type { ScannerContext, ScannerFinding, ScannerInput, VulnerabilityScanner } from './scanner.ts';

/** The outcome of one scanner. */
export type ScannerOutcome = { scanner: string; findings: ScannerFinding[] } | { scanner: string; failure: string };

/** Runs one scanner: its availability check, then its scan; never throws. `onStart` is called once the scan has begun. */
export async function runScanner(
  scanner: VulnerabilityScanner,
  input: ScannerInput,
  context: ScannerContext,
  onStart: () => void = () => undefined,
): Promise<ScannerOutcome> {
  try {
    const availability = await scanner.available(context);
    if (!availability.available) return { scanner: scanner.name, failure: availability.reason };
    const scanning = scanner.scan(input, context);
    onStart();
    return { scanner: scanner.name, findings: await scanning };
  } catch (error) {
    return { scanner: scanner.name, failure: (error as Error).message || String(error) };
  } finally {
    onStart();
  }
}

/** Scanners under way: `started` once each has begun scanning (or ended), `outcomes` in the scanners' order. */
export interface RunningScanners {
  started: Promise<void>;
  outcomes: Promise<ScannerOutcome[]>;
}

/**
 * Runs every scanner at once. `started` lets the caller start its own CPU-bound work (the built-in matcher) only once
 * the external tools are running: an adapter's `scan()` starts its process or request before its first await.
 */
export function runScanners(
  scanners: readonly VulnerabilityScanner[],
  input: ScannerInput,
  context: ScannerContext,
): RunningScanners {
  const starts: Promise<void>[] = [];
  const outcomes = Promise.all(
    scanners.map((scanner) => {
      let started: () => void = () => undefined;
      starts.push(
        new Promise<void>((resolve) => {
          started = resolve;
        }),
      );
      return runScanner(scanner, input, context, () => started());
    }),
  );
  return { started: Promise.all(starts).then(() => undefined), outcomes };
}
