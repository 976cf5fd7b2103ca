/**
 * `WWW-Authenticate` challenges, as registries send them with a 401.
 * Syntax: RFC 7235 §4.1 (challenge = auth-scheme [ 1*SP ( token68 / #auth-param ) ]).
 * Registry usage: https://distribution.github.io/distribution/spec/auth/token/
 * Hand-written because the grammar is small and the npm parsers either follow an older RFC or reject the unquoted
 * values some registries send.
 */

/** One authentication challenge: a lowercase scheme (`bearer`, `basic`) and its lowercase-keyed parameters. */
export interface Challenge {
  scheme: string;
  params: Record<string, string>;
}

const TOKEN = /[!#$%&'*+\-.^_`|~0-9A-Za-z]+/y;
const SPACE = /[ \t]*/y;

/** Parses one or more `WWW-Authenticate` header values into challenges, in order. */
export function parseChallenges(header: string | string[] | undefined): Challenge[] {
  if (header === undefined) return [];
  const values = Array.isArray(header) ? header : [header];
  return values.flatMap(parseHeader);
}

/** The challenge Lucent answers: Bearer when offered (it scopes access), else Basic. */
export function preferredChallenge(challenges: Challenge[]): Challenge | undefined {
  return challenges.find((c) => c.scheme === 'bearer') ?? challenges.find((c) => c.scheme === 'basic');
}

function parseHeader(value: string): Challenge[] {
  const challenges: Challenge[] = [];
  let position = 0;
  let current: Challenge | undefined;
  const skip = (pattern: RegExp): string | undefined => {
    pattern.lastIndex = position;
    const match = pattern.exec(value);
    if (!match) return undefined;
    position = pattern.lastIndex;
    return match[0];
  };
  while (position < value.length) {
    skip(SPACE);
    if (value[position] === ',') {
      position++;
      continue;
    }
    const token = skip(TOKEN);
    if (token === undefined) break; // malformed: keep what was parsed so far
    skip(SPACE);
    if (value[position] === '=' && current !== undefined) {
      position++;
      skip(SPACE);
      current.params[token.toLowerCase()] = readValue();
      continue;
    }
    // A token not followed by "=" starts a new challenge; a token68 credential after it (`Negotiate abc==`) is
    // followed by a comma or the end, and carries nothing a registry client needs.
    current = { scheme: token.toLowerCase(), params: {} };
    challenges.push(current);
    skip(/[A-Za-z0-9\-._~+/]+=*[ \t]*(?=,|$)/y);
  }
  return challenges;

  function readValue(): string {
    if (value[position] !== '"') return skip(/[^,\s]*/y) ?? '';
    position++;
    let out = '';
    while (position < value.length && value[position] !== '"') {
      if (value[position] === '\\' && position + 1 < value.length) position++;
      out += value[position];
      position++;
    }
    position++; // closing quote
    return out;
  }
}
