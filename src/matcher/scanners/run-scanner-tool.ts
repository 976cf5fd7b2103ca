/** Running a scanner's binary (run-tool.ts): its standard output on success, an Error with the reason otherwise. */
import { runTool } from '../../plugins/run-tool.ts';
import type { ScannerContext } from './scanner.ts';

/** Runs `binary ARGS…` and returns what it printed; a timeout, a non-zero exit or a failed start throws. */
export async function runScannerTool(
  name: string,
  binary: string,
  args: string[],
  context: ScannerContext,
): Promise<string> {
  let run: Awaited<ReturnType<typeof runTool>>;
  try {
    run = await runTool(binary, args, { timeoutMs: context.timeoutMs, env: context.env });
  } catch (error) {
    throw new Error(`${binary} could not be run: ${(error as Error).message}`);
  }
  if (run.timedOut) throw new Error(`${name} did not finish in ${context.timeoutMs / 1000} s`);
  if (run.code !== 0) {
    // The last lines of stderr hold the tool's own error message; ANSI colours (Trivy's log) are dropped.
    const reason = stripAnsi(run.stderr).trim().split('\n').slice(-3).join(' ').slice(0, 500);
    throw new Error(reason ? `exit code ${run.code}: ${reason}` : `exit code ${run.code}`);
  }
  return run.stdout;
}

function stripAnsi(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI escape sequences start with ESC.
  return text.replace(/\u001b\[[0-9;]*m/g, '');
}
