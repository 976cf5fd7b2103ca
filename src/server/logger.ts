/**
 * Server logs: pino JSON lines when standard error is not a terminal (for collectors), short readable lines on a
 * terminal. The terminal format is written here because pino-pretty is not a dependency: time, level, message, and
 * the request fields that matter.
 */
import { Writable } from 'node:stream';
import { type Logger, pino } from 'pino';
import type { ServerConfig } from './config.ts';

/** A pino logger for the server. */
export function createServerLogger(
  level: ServerConfig['logLevel'],
  stream: NodeJS.WritableStream = process.stderr,
): Logger {
  const tty = (stream as { isTTY?: boolean }).isTTY === true;
  return pino({ level, base: tty ? null : { pid: process.pid } }, tty ? shortLines(stream) : stream);
}

const LEVELS: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };

/** A stream that turns pino's JSON lines into `12:00:01 INFO  GET /api/x 200 3ms` lines. */
function shortLines(target: NodeJS.WritableStream): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (line) target.write(`${formatLine(line)}\n`);
      }
      done();
    },
  });
}

/** One JSON log line as a short line; anything unparsable passes through. */
export function formatLine(line: string): string {
  let record: Record<string, unknown>;
  try {
    record = JSON.parse(line);
  } catch {
    return line;
  }
  const time = new Date(typeof record.time === 'number' ? record.time : Date.now()).toISOString().slice(11, 19);
  const level = (LEVELS[Number(record.level)] ?? 'INFO').padEnd(5);
  const request = record.req as { method?: string; url?: string } | undefined;
  const response = record.res as { statusCode?: number } | undefined;
  const parts = [time, level, String(record.msg ?? '')];
  if (request?.method) parts.push(`${request.method} ${request.url ?? ''}`);
  if (response?.statusCode) parts.push(String(response.statusCode));
  if (typeof record.responseTime === 'number') parts.push(`${Math.round(record.responseTime)}ms`);
  const error = record.err as { message?: string } | undefined;
  if (error?.message) parts.push(`(${error.message})`);
  return parts.join(' ');
}
