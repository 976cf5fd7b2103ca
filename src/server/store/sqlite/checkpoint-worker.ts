/**
 * The checkpointer's thread (checkpointer.ts): its own connection to the database file copies committed WAL frames
 * back into the database now and then, PASSIVE (never waits for, nor blocks, the server's readers and writer).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadSqlite } from '../../../advisories/db/sqlite.ts';

const { path, intervalMs } = workerData as { path: string; intervalMs: number };
const { DatabaseSync } = await loadSqlite();
const db = new DatabaseSync(path, { timeout: 0 });

const timer = setInterval(() => {
  try {
    db.exec('pragma wal_checkpoint(passive)');
  } catch {
    // Busy (another checkpoint, a WAL reset): the next tick tries again; the server's safety net stays.
  }
}, intervalMs);

parentPort?.on('message', (message) => {
  if (message !== 'close') return;
  clearInterval(timer);
  db.close();
  parentPort?.close();
});
parentPort?.postMessage('ready');
