/**
 * The build's lock on the cache directory, so builds in several processes take turns, and the removal of work dirs
 * that killed builds left behind, including the mounts a killed mmdebstrap leaves in its chroot.
 */
import { lstat, mkdir, readdir, realpath, rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { readText } from './read-text.ts';
import { run } from './run-program.ts';

/** The cache directory the lock and work dirs live in, and where progress lines go. */
export interface CacheDirContext {
  cacheDir: string;
  log: (line: string) => void;
}

const LOCK_WAIT_MS = 30 * 60_000;

/** Holds `<cacheDir>/.lock` (mkdir is atomic) while building; a lock whose owner process is gone is taken over. */
export async function withBuildLock<T>(ctx: CacheDirContext, body: () => Promise<T>): Promise<T> {
  const lock = join(ctx.cacheDir, '.lock');
  await mkdir(ctx.cacheDir, { recursive: true });
  const deadline = Date.now() + LOCK_WAIT_MS;
  let lastNotice = 0;
  for (;;) {
    const taken = await mkdir(lock).then(
      () => true,
      (error: NodeJS.ErrnoException) => {
        if (error.code !== 'EEXIST') throw error;
        return false;
      },
    );
    if (taken) break;
    const owner = await readText(join(lock, 'owner'));
    if (await isStaleLock(lock, owner)) {
      ctx.log(`[debian12] taking over the lock of a build that is gone (${owner?.trim() || 'no owner'})`);
      await rm(lock, { recursive: true, force: true });
      continue;
    }
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${lock} (held by ${owner?.trim()})`);
    if (Date.now() - lastNotice > 30_000) {
      ctx.log(`[debian12] waiting for another build to finish (${lock}, ${owner?.trim() || 'starting'})`);
      lastNotice = Date.now();
    }
    await sleep(2000);
  }
  try {
    await writeFile(join(lock, 'owner'), `pid ${process.pid} on ${hostname()}\n`);
    return await body();
  } finally {
    await rm(lock, { recursive: true, force: true });
  }
}

async function isStaleLock(lock: string, owner: string | undefined): Promise<boolean> {
  const match = owner && /^pid (\d+) on (\S+)/.exec(owner);
  if (match) return match[2] === hostname() && !isAlive(Number(match[1]));
  // No owner yet: the holder is between mkdir and writeFile, unless that was long ago.
  const since = await lstat(lock).then(
    (s) => s.mtimeMs,
    () => Date.now(),
  );
  return Date.now() - since > 60_000;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Work dirs left by killed builds; called with the lock held, so none of them is in use. */
export async function removeStaleWorkDirs(ctx: CacheDirContext): Promise<void> {
  for (const entry of await readdir(ctx.cacheDir)) {
    if (entry.startsWith('.work-')) await removeWorkDir(join(ctx.cacheDir, entry), ctx.log);
  }
}

/**
 * Deletes a work dir. A killed mmdebstrap leaves /proc, /sys, /dev/pts and /dev/shm mounted in its chroot; they are
 * detached first (deepest first, lazily), and the dir is left alone if any remain, since deleting through them
 * would reach the host.
 */
export async function removeWorkDir(workDir: string, log: (line: string) => void): Promise<void> {
  const dir = await realpath(workDir).catch(() => workDir);
  for (const point of (await mountsUnder(dir)).reverse()) {
    log(`[debian12] unmounting ${point}, left by an interrupted build`);
    await run('umount', ['--lazy', point]).catch((error: Error) => log(error.message));
  }
  const left = await mountsUnder(dir);
  if (left.length > 0) {
    log(`[debian12] leaving ${dir}: still mounted inside it: ${left.join(', ')}; unmount them and delete it`);
    return;
  }
  await rm(dir, { recursive: true, force: true });
}

/** Mount points at or below `dir`, in mount order (proc(5), /proc/self/mountinfo field 5, octal escapes). */
async function mountsUnder(dir: string): Promise<string[]> {
  const mountinfo = (await readText('/proc/self/mountinfo')) ?? '';
  return mountinfo
    .split('\n')
    .map((line) =>
      line
        .split(' ')[4]
        ?.replace(/\\([0-7]{3})/g, (_, octal: string) => String.fromCharCode(Number.parseInt(octal, 8))),
    )
    .filter((point): point is string => point !== undefined && (point === dir || point.startsWith(`${dir}/`)));
}
