import { describe, expect, it } from 'vitest';
import { formatLine } from './logger.ts';

describe('terminal log lines', () => {
  it('shortens a request line to time, level, message, request, status and duration', () => {
    const line = JSON.stringify({
      level: 30,
      time: Date.UTC(2025, 0, 31, 12, 34, 56),
      msg: 'request',
      req: { method: 'GET', url: '/api/packages' },
      res: { statusCode: 200 },
      responseTime: 3.6,
    });
    expect(formatLine(line)).toBe('12:34:56 INFO  request GET /api/packages 200 4ms');
  });

  it('names errors and passes anything that is not JSON through', () => {
    const line = JSON.stringify({ level: 50, time: 0, msg: 'request failed', err: { message: 'boom' } });
    expect(formatLine(line)).toBe('00:00:00 ERROR request failed (boom)');
    expect(formatLine('plain text')).toBe('plain text');
  });
});
