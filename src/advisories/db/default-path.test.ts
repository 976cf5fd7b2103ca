import { homedir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDbPath } from './default-path.ts';

describe('defaultDbPath', () => {
  it.each([
    [{ LUCENT_DB: '/data/a.db', XDG_DATA_HOME: '/xdg' }, '/data/a.db'],
    [{ XDG_DATA_HOME: '/xdg' }, '/xdg/lucent/advisories.db'],
    [{ XDG_DATA_HOME: '' }, join(homedir(), '.local/share/lucent/advisories.db')],
    [{}, join(homedir(), '.local/share/lucent/advisories.db')],
  ])('%j → %s', (env, expected) => {
    expect(defaultDbPath(env)).toBe(expected);
  });
});
