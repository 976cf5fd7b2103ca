/** Pure geometry and grouping for the dashboard's SVG charts, kept apart from the components so it can be tested. */

/** One named value of a donut or legend. */
export interface NamedCount {
  name: string;
  count: number;
  /** True for the folded "Others" entry; `members` lists the names folded into it. */
  others?: boolean;
  members?: string[];
}

/** The `n` largest entries, then one "Others" entry that sums the rest (omitted when nothing is left). */
export function topWithOthers(items: readonly { name: string; count: number }[], n: number): NamedCount[] {
  const sorted = [...items]
    .filter((item) => item.count > 0)
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  const top: NamedCount[] = sorted.slice(0, n).map((item) => ({ name: item.name, count: item.count }));
  const rest = sorted.slice(n);
  if (rest.length > 0) {
    top.push({
      name: 'Others',
      count: rest.reduce((sum, item) => sum + item.count, 0),
      others: true,
      members: rest.map((item) => item.name),
    });
  }
  return top;
}

/** An SVG path for a donut slice between two angles (radians, 0 = 12 o'clock, clockwise). */
export function arcPath(cx: number, cy: number, outer: number, inner: number, start: number, end: number): string {
  // A whole ring cannot be one arc (its end points coincide and SVG drops the arc): draw two half circles each way,
  // the inner ring counter-clockwise so the non-zero fill rule leaves the hole.
  if (end - start >= Math.PI * 2 - 1e-9) {
    return [
      `M ${cx} ${cy - outer} A ${outer} ${outer} 0 1 1 ${cx} ${cy + outer} A ${outer} ${outer} 0 1 1 ${cx} ${cy - outer} Z`,
      `M ${cx} ${cy - inner} A ${inner} ${inner} 0 1 0 ${cx} ${cy + inner} A ${inner} ${inner} 0 1 0 ${cx} ${cy - inner} Z`,
    ].join(' ');
  }
  const sweep = end - start;
  const stop = end;
  const large = sweep > Math.PI ? 1 : 0;
  const point = (radius: number, angle: number) =>
    `${round(cx + radius * Math.sin(angle))} ${round(cy - radius * Math.cos(angle))}`;
  return [
    `M ${point(outer, start)}`,
    `A ${outer} ${outer} 0 ${large} 1 ${point(outer, stop)}`,
    `L ${point(inner, stop)}`,
    `A ${inner} ${inner} 0 ${large} 0 ${point(inner, start)}`,
    'Z',
  ].join(' ');
}

/** Start and end angles of each slice, proportional to the counts. */
export function sliceAngles(counts: readonly number[]): { start: number; end: number }[] {
  const total = counts.reduce((sum, count) => sum + count, 0);
  let angle = 0;
  return counts.map((count) => {
    const start = angle;
    angle += total > 0 ? (count / total) * Math.PI * 2 : 0;
    return { start, end: angle };
  });
}

/** A "nice" upper bound and tick step for an axis that must show `max` (1, 2 or 5 times a power of ten). */
export function niceScale(max: number, ticks = 4): { top: number; step: number } {
  if (!(max > 0)) return { top: ticks, step: 1 };
  const rough = max / ticks;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((factor) => factor * power).find((candidate) => candidate >= rough) ?? 10 * power;
  const niceStep = Math.max(1, step);
  return { top: Math.ceil(max / niceStep) * niceStep, step: niceStep };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
