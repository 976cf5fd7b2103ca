/** Flag values of the queue's commands (`lucent server`, `lucent worker`): durations and counts, checked early. */
import { LucentError } from '../../core/errors.ts';

const UNIT_MS: Readonly<Record<string, number>> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** Parses `90s`, `30m`, `6h`, `1d` or plain seconds into milliseconds; `0` and `off` are 0 (turned off). */
export function parseDuration(value: string, flag: string): number {
  const text = value.trim().toLowerCase();
  if (text === 'off' || text === 'never') return 0;
  const match = /^(\d+(?:\.\d+)?)\s*([smhd]?)$/.exec(text);
  if (!match) {
    throw new LucentError('E_USAGE', `invalid ${flag} "${value}"`, {
      hint: 'use a number with a unit: 90s, 30m, 6h, 1d (or off)',
    });
  }
  return Math.round(Number(match[1]) * (UNIT_MS[match[2] || 's'] ?? 1000));
}

/** Parses a whole number within `[min, max]`. */
export function parseCount(value: string, flag: string, min: number, max: number): number {
  const count = Number(value);
  if (!/^\d+$/.test(value.trim()) || count < min || count > max) {
    throw new LucentError('E_USAGE', `invalid ${flag} "${value}"`, {
      hint: `use a whole number from ${min} to ${max}`,
    });
  }
  return count;
}
