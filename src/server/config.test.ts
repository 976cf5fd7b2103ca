import { describe, expect, it } from 'vitest';
import { checkDatabaseUrl, defaultServerConfig, parseByteSize, parseListen } from './config.ts';

describe('parseListen', () => {
  it.each([
    ['127.0.0.1:8080', { host: '127.0.0.1', port: 8080 }],
    ['0.0.0.0:0', { host: '0.0.0.0', port: 0 }],
    [':9000', { host: '127.0.0.1', port: 9000 }],
    ['9000', { host: '127.0.0.1', port: 9000 }],
    ['[::]:8080', { host: '::', port: 8080 }],
    ['localhost:80', { host: 'localhost', port: 80 }],
  ])('%s', (value, expected) => {
    expect(parseListen(value)).toEqual(expected);
  });

  it.each(['', 'host', 'host:99999', 'a:b:c', '[::1]'])('rejects %j with E_USAGE', (value) => {
    expect(() => parseListen(value)).toThrow(expect.objectContaining({ code: 'E_USAGE' }));
  });
});

describe('configuration', () => {
  it('defaults to SQLite in the XDG data directory', () => {
    expect(defaultServerConfig({ XDG_DATA_HOME: '/data' }).databaseUrl).toBe('sqlite:/data/lucent/server.db');
    expect(defaultServerConfig({ LUCENT_DATABASE_URL: 'postgres://x/y' }).databaseUrl).toBe('postgres://x/y');
  });

  it('accepts sqlite: and postgres:// URLs only', () => {
    expect(checkDatabaseUrl('sqlite:/tmp/x.db')).toBe('sqlite:/tmp/x.db');
    expect(checkDatabaseUrl('postgresql://u@h/d')).toBe('postgresql://u@h/d');
    expect(() => checkDatabaseUrl('mysql://x')).toThrow(expect.objectContaining({ code: 'E_USAGE' }));
  });

  it.each([
    ['1048576', 1048576],
    ['64mb', 64 * 1024 * 1024],
    ['512KiB', 512 * 1024],
    ['1gb', 1024 ** 3],
  ])('parses size %s', (value, expected) => {
    expect(parseByteSize(value)).toBe(expected);
  });
});
