import { describe, expect, it } from 'vitest';
import { describeNetworkFailure, hostMatches } from './http-client.ts';

describe('hostMatches', () => {
  it.each([
    ['reg.local:5000', ['reg.local:5000'], true],
    ['reg.local:5000', ['reg.local'], true],
    ['reg.local', ['reg.local'], true],
    ['reg.local', ['REG.local'], true],
    ['reg.local:5000', ['https://reg.local:5000/'], true],
    ['reg.local:5000', ['reg.local:5001'], false],
    ['reg.local', ['reg.local:5000'], false],
    ['other.local', ['reg.local'], false],
    ['[::1]:5000', ['[::1]'], true],
    ['reg.local', [], false],
  ])('%s in %j → %s', (host, patterns, expected) => {
    expect(hostMatches(host, patterns)).toBe(expected);
  });
});

describe('describeNetworkFailure', () => {
  const timeouts = { connectTimeoutMs: 30_000, readTimeoutMs: 1500 };
  const coded = (code: string, message = code) => Object.assign(new Error(message), { code });

  it.each([
    [coded('ECONNREFUSED'), 'connection refused (ECONNREFUSED)', true],
    [coded('ENOTFOUND'), 'DNS lookup failed (ENOTFOUND)', false],
    [coded('EAI_AGAIN'), 'DNS lookup failed temporarily (EAI_AGAIN)', true],
    [coded('ECONNRESET'), 'the connection was closed (ECONNRESET)', true],
    [coded('UND_ERR_CONNECT_TIMEOUT'), 'timed out connecting after 30 s (UND_ERR_CONNECT_TIMEOUT)', true],
    [coded('UND_ERR_HEADERS_TIMEOUT'), 'no response within 1.5 s (UND_ERR_HEADERS_TIMEOUT)', true],
    [coded('UND_ERR_BODY_TIMEOUT'), 'the response stalled for 1.5 s (UND_ERR_BODY_TIMEOUT)', true],
    [coded('EHOSTUNREACH'), 'no route to the host (EHOSTUNREACH)', true],
    [
      coded('CERT_HAS_EXPIRED', 'certificate has expired'),
      'TLS failed: certificate has expired (CERT_HAS_EXPIRED)',
      false,
    ],
    [new AggregateError([coded('ECONNREFUSED'), coded('ECONNREFUSED')]), 'connection refused (ECONNREFUSED)', true],
    [new TypeError('fetch failed', { cause: coded('ENOTFOUND') }), 'DNS lookup failed (ENOTFOUND)', false],
    [new Error('something odd'), 'something odd', false],
  ])('%s', (error, reason, retryable) => {
    expect(describeNetworkFailure(error, timeouts)).toMatchObject({ reason, retryable });
  });

  it('points a TLS handshake with a plain-HTTP server at --plain-http', () => {
    const error = coded('ERR_SSL_WRONG_VERSION_NUMBER', 'SSL routines:ssl3_get_record:wrong version number');
    expect(describeNetworkFailure(error, timeouts)).toEqual({
      reason: 'TLS failed: SSL routines:ssl3_get_record:wrong version number (ERR_SSL_WRONG_VERSION_NUMBER)',
      retryable: false,
      hint: 'the server seems to speak plain HTTP; allow it with --plain-http HOST',
    });
  });
});
