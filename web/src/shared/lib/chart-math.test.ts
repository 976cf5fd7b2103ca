import { describe, expect, it } from 'vitest';
import { arcPath, niceScale, sliceAngles, topWithOthers } from './chart-math.ts';

describe('topWithOthers', () => {
  const items = [
    { name: 'MIT', count: 40 },
    { name: 'GPL-2.0', count: 25 },
    { name: 'Apache-2.0', count: 25 },
    { name: 'BSD-3-Clause', count: 5 },
    { name: 'ISC', count: 3 },
    { name: 'Zero', count: 0 },
  ];

  it('keeps the largest N (ties by name) and folds the rest into Others', () => {
    expect(topWithOthers(items, 3)).toEqual([
      { name: 'MIT', count: 40 },
      { name: 'Apache-2.0', count: 25 },
      { name: 'GPL-2.0', count: 25 },
      { name: 'Others', count: 8, others: true, members: ['BSD-3-Clause', 'ISC'] },
    ]);
  });

  it('has no Others when everything fits, and drops zero counts', () => {
    expect(topWithOthers(items, 10).map((item) => item.name)).toEqual([
      'MIT',
      'Apache-2.0',
      'GPL-2.0',
      'BSD-3-Clause',
      'ISC',
    ]);
  });
});

describe('sliceAngles and arcPath', () => {
  it('splits the circle proportionally', () => {
    const angles = sliceAngles([1, 1, 2]);
    expect(angles.map((angle) => Number((angle.end - angle.start).toFixed(6)))).toEqual([
      Number((Math.PI / 2).toFixed(6)),
      Number((Math.PI / 2).toFixed(6)),
      Number(Math.PI.toFixed(6)),
    ]);
    expect(sliceAngles([0, 0])).toEqual([
      { start: 0, end: 0 },
      { start: 0, end: 0 },
    ]);
  });

  it('draws a whole ring as two half circles each way (a single arc would vanish)', () => {
    expect(arcPath(60, 60, 50, 30, 0, Math.PI * 2)).toBe(
      'M 60 10 A 50 50 0 1 1 60 110 A 50 50 0 1 1 60 10 Z M 60 30 A 30 30 0 1 0 60 90 A 30 30 0 1 0 60 30 Z',
    );
  });

  it('draws a quarter from 12 to 3 o clock', () => {
    expect(arcPath(60, 60, 50, 30, 0, Math.PI / 2)).toBe('M 60 10 A 50 50 0 0 1 110 60 L 90 60 A 30 30 0 0 0 60 30 Z');
  });
});

describe('niceScale', () => {
  it.each([
    [0, 4, 1],
    [3, 3, 1],
    [7, 8, 2],
    [95, 100, 50],
    [1234, 1500, 500],
  ])('max %d gives top %d, step %d', (max, top, step) => {
    expect(niceScale(max)).toEqual({ top, step });
  });
});
