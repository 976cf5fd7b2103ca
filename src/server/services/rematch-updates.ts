/**
 * The server's advisory database over time: `lucent db update` on a schedule and on demand, and a re-match planned
 * whenever the database may have changed (after an update, when its file changes, at start-up). Planning is a queue
 * job that does nothing when the database's version is the one already re-matched, so asking often is cheap.
 *
 * The update runs as a child process (`lucent db update --db PATH`): downloading and importing feeds is long,
 * CPU-heavy, synchronous SQLite work that must not stall the API; a crash there never takes the server down; and it
 * writes a new file renamed over the old one, so jobs reading the database meanwhile are not disturbed.
 *
 * Schedule: every `intervalMs`, counted from the database's last check, but only for a database that holds
 * downloaded feeds; one built from imported files (offline, `lucent db import`) is never replaced by a schedule.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { JobContext } from '../queue/job-kind.ts';
import { errorText } from '../queue/work-queue.ts';
import type { Store } from '../store/open-store.ts';
import { REMATCH_PLAN, REMATCH_PLAN_KEY, type RematchPlanPayload } from './rematch.ts';
import type { AdvisorySource } from './rematch-advisories.ts';

/** The state of the database updates, as the status endpoint shows it. */
export interface UpdateState {
  state: 'idle' | 'running';
  trigger: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  /** updated: the command succeeded (some feeds may have been unchanged or failed, see message); failed: it did not. */
  outcome: 'updated' | 'failed' | null;
  /** The command's last lines (warnings, or why it failed). */
  message: string | null;
  nextRunAt: string | null;
}

/** Runs one update of the database at `path`; resolves with whether it succeeded and what it printed. */
export type UpdateRunner = (path: string, signal: AbortSignal) => Promise<{ ok: boolean; output: string }>;

/** What the updates need. */
export interface AdvisoryUpdatesOptions {
  store: Store;
  queue: JobContext['queue'];
  advisories: AdvisorySource;
  log: JobContext['log'];
  now?: () => Date;
  /** Scheduled updates every this many ms; 0 turns them off. */
  intervalMs: number;
  /** How often the file is checked for changes made by others (default 60 s). */
  watchMs?: number;
  /** Default: `lucent db update` in a child process, with this process's environment (feed mirrors, proxies). */
  runUpdate?: UpdateRunner;
  env?: NodeJS.ProcessEnv;
}

const STATE_KEY = 'advisories.update';
/** An overdue scheduled update waits this long after start-up, so a restart loop never hammers the feeds. */
const STARTUP_DELAY_MS = 60_000;
/** setTimeout's longest delay. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** Updates of the advisory database, and the re-matches they cause. */
export class AdvisoryUpdates {
  readonly #options: AdvisoryUpdatesOptions;
  readonly #now: () => Date;
  readonly #runUpdate: UpdateRunner;
  #state: UpdateState = {
    state: 'idle',
    trigger: null,
    startedAt: null,
    finishedAt: null,
    outcome: null,
    message: null,
    nextRunAt: null,
  };
  #running: Promise<void> | undefined;
  #abort = new AbortController();
  #timer: NodeJS.Timeout | undefined;
  #watcher: NodeJS.Timeout | undefined;
  #stamp: string | undefined;

  constructor(options: AdvisoryUpdatesOptions) {
    this.#options = options;
    this.#now = options.now ?? (() => new Date());
    this.#runUpdate = options.runUpdate ?? childProcessUpdate(options.env ?? process.env);
  }

  /** Loads the last state, plans a re-match if the database changed while the server was down, and starts timers. */
  async start(): Promise<void> {
    const saved = await this.#load();
    // A run that was under way when the server stopped did not finish.
    if (saved) this.#state = saved.state === 'running' ? { ...saved, state: 'idle', outcome: 'failed' } : saved;
    this.#stamp = this.#options.advisories.fileStamp();
    await this.requestRematch({ trigger: 'startup' });
    await this.#schedule(STARTUP_DELAY_MS);
    this.#watcher = setInterval(() => void this.#checkFile(), this.#options.watchMs ?? 60_000);
    this.#watcher.unref();
  }

  /** The updates' state. */
  state(): UpdateState {
    return { ...this.#state };
  }

  /**
   * Starts an update now (unless one runs); resolves once it started, not when it ends. With `force`, the re-match
   * that follows covers every stored SBOM even when the database did not change.
   */
  async requestUpdate(trigger: string, options: { force?: boolean } = {}): Promise<UpdateState> {
    this.#running ??= this.#update(trigger, options.force === true).finally(() => {
      this.#running = undefined;
    });
    return this.state();
  }

  /** Asks for a re-match; the planning job does nothing when the database did not change, unless forced. */
  async requestRematch(payload: RematchPlanPayload): Promise<boolean> {
    const id = await this.#options.queue.enqueue(REMATCH_PLAN, payload, { singletonKey: REMATCH_PLAN_KEY });
    return id !== null;
  }

  /** Resolves when the update under way (if any) has ended. */
  async settled(): Promise<void> {
    await this.#running;
  }

  /** Stops the timers and an update under way (the command removes its temp files on SIGTERM). */
  async stop(): Promise<void> {
    clearTimeout(this.#timer);
    clearInterval(this.#watcher);
    this.#abort.abort();
    await this.#running?.catch(() => undefined);
  }

  async #update(trigger: string, force: boolean): Promise<void> {
    const started = this.#now().toISOString();
    this.#state = { ...this.#state, state: 'running', trigger, startedAt: started, finishedAt: null };
    await this.#save();
    this.#options.log.info({ trigger, path: this.#options.advisories.path }, 'advisory database update started');
    let outcome: { ok: boolean; output: string };
    try {
      outcome = await this.#runUpdate(this.#options.advisories.path, this.#abort.signal);
    } catch (error) {
      outcome = { ok: false, output: errorText(error) };
    }
    this.#state = {
      ...this.#state,
      state: 'idle',
      finishedAt: this.#now().toISOString(),
      outcome: outcome.ok ? 'updated' : 'failed',
      message: lastLines(outcome.output),
    };
    const level = outcome.ok ? 'info' : 'warn';
    this.#options.log[level](
      { trigger, output: this.#state.message },
      `advisory database update ${this.#state.outcome}`,
    );
    if (this.#abort.signal.aborted) return;
    await this.#schedule(0);
    this.#stamp = this.#options.advisories.fileStamp();
    await this.requestRematch({ trigger: 'update', force }).catch((error: unknown) => {
      this.#options.log.error({ error: errorText(error) }, 'cannot plan a re-match');
    });
  }

  /** Sets the next scheduled update: an interval after the last check of a database with downloaded feeds. */
  async #schedule(notBeforeMs: number): Promise<void> {
    clearTimeout(this.#timer);
    const { intervalMs } = this.#options;
    const status =
      intervalMs > 0 ? await this.#options.advisories.status(this.#now()).catch(() => undefined) : undefined;
    const downloaded = status?.feeds.filter((feed) => /^https?:\/\//.test(feed.source)) ?? [];
    if (downloaded.length === 0) {
      this.#state = { ...this.#state, nextRunAt: null };
      await this.#save();
      return;
    }
    const last = Math.max(...downloaded.map((feed) => Date.parse(feed.checkedAt ?? feed.importedAt)));
    const now = this.#now().getTime();
    const next = Math.max(last + intervalMs, now + notBeforeMs);
    this.#state = { ...this.#state, nextRunAt: new Date(next).toISOString() };
    await this.#save();
    this.#timer = setTimeout(() => void this.requestUpdate('schedule'), Math.min(MAX_TIMER_MS, next - now));
    this.#timer.unref();
  }

  async #checkFile(): Promise<void> {
    const stamp = this.#options.advisories.fileStamp();
    if (stamp === this.#stamp || this.#running) return;
    this.#stamp = stamp;
    await this.requestRematch({ trigger: 'file-change' }).catch((error: unknown) => {
      this.#options.log.error({ error: errorText(error) }, 'cannot plan a re-match');
    });
  }

  async #load(): Promise<UpdateState | undefined> {
    const row = await this.#options.store.db
      .selectFrom('settings')
      .select('value')
      .where('key', '=', STATE_KEY)
      .executeTakeFirst();
    return row ? (JSON.parse(row.value) as UpdateState) : undefined;
  }

  async #save(): Promise<void> {
    const value = JSON.stringify(this.#state);
    const at = this.#now().toISOString();
    await this.#options.store.db
      .insertInto('settings')
      .values({ key: STATE_KEY, value, updated_at: at })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: at }))
      .execute();
  }
}

/** The `lucent` command of this installation (bin/lucent.js, beside src/ and dist/). */
const LUCENT_BIN = fileURLToPath(new URL('../../../bin/lucent.js', import.meta.url));

/** Runs `lucent --quiet db update --db PATH` and collects its output; the signal sends SIGTERM. */
export function childProcessUpdate(env: NodeJS.ProcessEnv): UpdateRunner {
  return (path, signal) =>
    new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [LUCENT_BIN, '--quiet', 'db', 'update', '--db', path], {
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      const collect = (chunk: Buffer) => {
        output = (output + chunk.toString('utf8')).slice(-8192);
      };
      child.stdout.on('data', collect);
      child.stderr.on('data', collect);
      const onAbort = () => child.kill('SIGTERM');
      signal.addEventListener('abort', onAbort, { once: true });
      child.once('error', reject);
      child.once('close', (code) => {
        signal.removeEventListener('abort', onAbort);
        resolve({ ok: code === 0, output });
      });
    });
}

/** The last lines of a command's output, for the status (at most 10 lines). */
function lastLines(output: string): string | null {
  const lines = output.trim().split('\n').filter(Boolean);
  return lines.length > 0 ? lines.slice(-10).join('\n') : null;
}
