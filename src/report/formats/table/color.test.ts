import { describe, expect, it } from 'vitest';
import { colorWanted } from './color.ts';

describe('colorWanted', () => {
  it.each([
    [true, {}, true],
    [false, {}, false],
    [undefined, {}, false],
    [true, { NO_COLOR: '1' }, false],
    [true, { NO_COLOR: 'false' }, false],
    // no-color.org: an empty NO_COLOR does not count.
    [true, { NO_COLOR: '' }, true],
    [true, { TERM: 'dumb' }, false],
    [true, { TERM: 'xterm-256color' }, true],
  ])('a TTY %s with %j → %s', (isTTY, env, expected) => {
    expect(colorWanted({ isTTY }, env)).toBe(expected);
  });
});
