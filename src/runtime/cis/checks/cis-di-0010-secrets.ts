/**
 * CIS 4.10: do not store secrets in Dockerfiles. Looks for secrets in environment variables (by name, and by value
 * for well-known token formats), in ENV/ARG instructions and build arguments recorded in the history, and for
 * credential files in the filesystem. Values are never repeated in the details, only where they are.
 */
import type { CisCheck } from '../check.ts';
import { parseHistoryLine } from '../shell-commands.ts';

/** Name parts that mean a secret; a name matches when one of its `_`-separated parts (or a pair) is listed. */
const SECRET_WORDS = [
  'PASSWORD',
  'PASSWD',
  'SECRET',
  'TOKEN',
  'APIKEY',
  'API_KEY',
  'ACCESS_KEY',
  'PRIVATE_KEY',
  'CREDENTIALS',
];
/** Names that point at a secret rather than hold it, or hold public material (release signing keys). */
const NOT_SECRET = /(_FILE|_PATH|_DIR|_URL|_LENGTH|_MIN|_MAX)$|^(GPG_KEYS?|.*_GPG_KEYS?)$/;

/** Values that are secrets whatever the name: AWS key ids, GitHub and Slack tokens, private keys. */
const SECRET_VALUES: [string, RegExp][] = [
  ['an AWS access key id', /\b(AKIA|ASIA)[0-9A-Z]{16}\b/],
  ['a GitHub token', /\bgh[pousr]_[A-Za-z0-9]{36,}\b/],
  ['a Slack token', /\bxox[abprs]-[A-Za-z0-9-]{10,}/],
  ['a private key', /-----BEGIN ([A-Z]+ )?PRIVATE KEY-----/],
];

/** Credential files by name; package-internal copies (test fixtures, templates) are left out. */
const CREDENTIAL_FILES =
  /(^|\/)(\.aws\/credentials|\.docker\/config\.json|\.git-credentials|\.netrc|\.pypirc|\.npmrc|\.htpasswd|id_rsa|id_dsa|id_ecdsa|id_ed25519|credentials\.json|secret_token\.rb)$/;
const PACKAGE_INTERNAL = /(^|\/)(node_modules|site-packages|dist-packages|gems)\/|^usr\/(share|lib)\//;

/** True when an environment variable or build argument name looks like it holds a secret. */
export function isSecretName(name: string): boolean {
  const upper = name.toUpperCase();
  if (NOT_SECRET.test(upper)) return false;
  const parts = upper.split('_');
  const pairs = parts.slice(1).map((part, i) => `${parts[i]}_${part}`);
  return [...parts, ...pairs].some((part) => SECRET_WORDS.includes(part));
}

function valueKind(value: string): string | undefined {
  return SECRET_VALUES.find(([, pattern]) => pattern.test(value))?.[0];
}

/** `A=b C=d` or `A b` (ENV's old form) → names with non-empty values. */
function assignments(args: string): [string, string][] {
  const old = /^([A-Za-z_][A-Za-z0-9_]*)\s+(.+)$/s.exec(args);
  if (old && !old[1]?.includes('=') && !args.includes('=')) return [[old[1] ?? '', old[2] ?? '']];
  return [...args.matchAll(/([A-Za-z_][A-Za-z0-9_]*)=("[^"]*"|'[^']*'|\S*)/g)].map((m) => [
    m[1] ?? '',
    (m[2] ?? '').replace(/^["']|["']$/g, ''),
  ]);
}

/** CIS-DI-0010. */
export const secrets = {
  code: 'CIS-DI-0010',
  title: 'Do not store credential in environment variables/files',
  level: 'FATAL',
  needs: 'config',
  run: ({ config, history, files }) => {
    const found: string[] = [];
    for (const entry of config.config?.Env ?? []) {
      const [name = '', ...rest] = entry.split('=');
      const value = rest.join('=');
      if (!value) continue;
      const kind = valueKind(value);
      if (kind) found.push(`environment variable ${name} holds ${kind}`);
      else if (isSecretName(name)) found.push(`environment variable ${name} is set (value hidden)`);
    }
    history.forEach((line, index) => {
      const where = `history entry ${index + 1}`;
      const parsed = parseHistoryLine(line);
      if (parsed.kind === 'other' && (parsed.instruction === 'ARG' || parsed.instruction === 'ENV')) {
        for (const [name, value] of assignments(parsed.args)) {
          // ENV values also show in the config, which was checked above; ARG defaults only here.
          if (value && parsed.instruction === 'ARG' && isSecretName(name)) {
            found.push(`${where}: ARG ${name} has a default value (hidden)`);
          }
        }
      }
      // Build arguments used by a RUN are recorded in front of it: `|2 NAME=value … /bin/sh -c …`.
      const buildArgs = /^\|\d+\s+((?:[A-Za-z_][A-Za-z0-9_]*=\S*\s+)+)/.exec(line.trim().replace(/^RUN\s+/, ''));
      for (const [name, value] of assignments(buildArgs?.[1] ?? '')) {
        if (value && isSecretName(name)) found.push(`${where}: build argument ${name} is recorded (value hidden)`);
      }
      const kind = valueKind(line);
      if (kind) found.push(`${where} contains ${kind}`);
    });
    for (const file of files ?? []) {
      if (file.type === 'file' && CREDENTIAL_FILES.test(file.path) && !PACKAGE_INTERNAL.test(file.path)) {
        found.push(`credential file /${file.path}`);
      }
    }
    return [...new Set(found)];
  },
} satisfies CisCheck;
