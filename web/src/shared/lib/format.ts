/** Display formatting shared by every page: numbers, dates, relative ages and short hashes. */

const NUMBER = new Intl.NumberFormat('en');

/** "12,345". */
export function formatNumber(value: number | null | undefined): string {
  return value === null || value === undefined || Number.isNaN(value) ? '–' : NUMBER.format(value);
}

/** A timestamp in the user's locale and time zone, or "–". */
export function formatDateTime(value: string | number | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return '–';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? String(value) : date.toLocaleString();
}

/** "3 hours", "2 days": the time between `from` and `now`, rounded down to the largest whole unit. */
export function formatAge(from: string | number | Date | null | undefined, now: number = Date.now()): string {
  if (from === null || from === undefined || from === '') return 'unknown';
  const then = new Date(from).getTime();
  if (Number.isNaN(then)) return 'unknown';
  const seconds = Math.max(0, Math.floor((now - then) / 1000));
  const units: [number, string][] = [
    [86_400, 'day'],
    [3_600, 'hour'],
    [60, 'minute'],
  ];
  for (const [size, name] of units) {
    if (seconds >= size) {
      const count = Math.floor(seconds / size);
      return `${count} ${name}${count === 1 ? '' : 's'}`;
    }
  }
  return `${seconds} second${seconds === 1 ? '' : 's'}`;
}

/** First 12 hex digits of a digest, without its `sha256:` prefix; the full value belongs in a title. */
export function shortHash(value: string | null | undefined): string {
  if (!value) return '–';
  const hex = value.includes(':') ? value.slice(value.indexOf(':') + 1) : value;
  return hex.length > 12 ? hex.slice(0, 12) : hex;
}

/** A percentage with at most one decimal ("12.5%"), from a 0..1 ratio. */
export function formatPercent(ratio: number | null | undefined, digits = 1): string {
  if (ratio === null || ratio === undefined || Number.isNaN(ratio)) return '–';
  return `${(ratio * 100).toFixed(digits).replace(/\.0+$/, '')}%`;
}
