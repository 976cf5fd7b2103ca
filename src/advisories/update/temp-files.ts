/**
 * The temp files of an update live beside the database (same file system, so the final rename is atomic, and room
 * for downloads of hundreds of MB): `.advisories.db.<pid>.<hex>.download/` for downloads and build.ts's
 * `.advisories.db.<pid>.<hex>.tmp` for the new database. A killed run leaves them behind; the next run removes those
 * whose process is gone.
 */
import { randomBytes } from 'node:crypto';
import { readdirSync, rmSync } from 'node:fs';
import { mkdir, readdir, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Creates the folder this run downloads into. */
export async function createDownloadDir(dbPath: string): Promise<string> {
  const dir = join(dirname(dbPath), `.${basename(dbPath)}.${process.pid}.${randomBytes(4).toString('hex')}.download`);
  await mkdir(dir, { recursive: true });
  return dir;
}

/** Removes temp files and folders of this database left by processes that no longer run; returns their names. */
export async function removeStaleTemps(
  dbPath: string,
  isRunning: (pid: number) => boolean = processRuns,
): Promise<string[]> {
  const dir = dirname(dbPath);
  const pattern = new RegExp(`^\\.${escapeRegExp(basename(dbPath))}\\.(\\d+)\\.[0-9a-f]{8}\\.(?:tmp|download)$`);
  const names = await readdir(dir).catch(() => [] as string[]);
  const stale = names.filter((name) => {
    const pid = Number(pattern.exec(name)?.[1]);
    return Number.isInteger(pid) && pid !== process.pid && !isRunning(pid);
  });
  await Promise.all(stale.map((name) => rm(join(dir, name), { recursive: true, force: true })));
  return stale;
}

/** Removes this process's own temp files at once (synchronously): for a signal handler, just before exiting. */
export function removeOwnTempsSync(dbPath: string): void {
  const dir = dirname(dbPath);
  const prefix = `.${basename(dbPath)}.${process.pid}.`;
  let names: string[] = [];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (name.startsWith(prefix) && /\.(?:tmp|download)$/.test(name))
      rmSync(join(dir, name), { recursive: true, force: true });
  }
}

/**
 * Whether a process with this id runs on this machine: signal 0 only checks. EPERM means it runs as another user.
 * A process in another PID namespace sharing the folder (two containers, one volume) counts as gone; its update then
 * fails at the rename and leaves the database as it was.
 */
function processRuns(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
