import { describe, expect, it } from 'vitest';
import { badLabels, splitList } from './label-input.ts';

describe('label input', () => {
  it('splits by commas and lines, trims and removes duplicates', () => {
    expect(splitList('team=a, env=prod\n team=a\n\n')).toEqual(['team=a', 'env=prod']);
  });

  it('flags labels that are not key=value', () => {
    expect(badLabels(['team=a', 'novalue=', 'oops', '=x', ' a=b', 'a b=c'])).toEqual(['oops', '=x', ' a=b']);
  });
});
