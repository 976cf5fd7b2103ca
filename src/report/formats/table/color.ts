/**
 * Whether the table is coloured: only on a terminal, and not when the user said no. https://no-color.org: `NO_COLOR`
 * set to anything but the empty string turns colours off; `TERM=dumb` is a terminal that cannot show them.
 */

/** True when `stream` is a terminal and neither `NO_COLOR` nor `TERM=dumb` says otherwise. */
export function colorWanted(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.TERM === 'dumb') return false;
  return stream.isTTY === true;
}
