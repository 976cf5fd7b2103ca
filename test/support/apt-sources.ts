/**
 * Where the images' packages come from: the host's apt sources (sources.list(5), one-line and deb822), turned into
 * mmdebstrap's `deb` lines for the images' suite, even on a Debian host of another release.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { readText } from './read-text.ts';

/** One `deb` entry of apt's configuration. */
export interface AptSource {
  uri: string;
  suite: string;
  components: string[];
  /** Keyring file from `Signed-By` / `[signed-by=…]`; inline keys are not carried over. */
  signedBy?: string;
}

/** Debian's archive areas; entries of other repositories that share the suite name (e.g. `stable`) are left out. */
const DEBIAN_COMPONENTS = ['main', 'contrib', 'non-free', 'non-free-firmware'];

/** apt's `deb` sources: /etc/apt/sources.list and sources.list.d/*.list (one-line), sources.list.d/*.sources (deb822). */
export async function readAptSources(aptDir = '/etc/apt'): Promise<AptSource[]> {
  const files = [join(aptDir, 'sources.list')];
  const partsDir = join(aptDir, 'sources.list.d');
  for (const entry of (await readdir(partsDir).catch(() => [])).sort()) files.push(join(partsDir, entry));
  const sources: AptSource[] = [];
  for (const file of files) {
    if (!file.endsWith('.list') && !file.endsWith('.sources')) continue;
    const text = await readText(file);
    if (text !== undefined) sources.push(...parseAptSources(text, file.endsWith('.sources') ? 'deb822' : 'one-line'));
  }
  return sources;
}

/** Parses apt sources, one-line or deb822 format (sources.list(5)); only enabled `deb` entries are kept. */
export function parseAptSources(text: string, format: 'one-line' | 'deb822'): AptSource[] {
  return format === 'deb822' ? parseDeb822Sources(text) : parseOneLineSources(text);
}

function parseOneLineSources(text: string): AptSource[] {
  const sources: AptSource[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/#.*/, '').trim();
    const match = /^deb\s+(?:\[([^\]]*)\]\s+)?(\S+)\s+(\S+)\s*(.*)$/.exec(line);
    if (!match) continue;
    const [, options = '', uri = '', suite = '', components = ''] = match;
    const signedBy = /(?:^|\s)signed-by=(\S+)/.exec(options)?.[1];
    sources.push({
      uri,
      suite,
      components: components.split(/\s+/).filter(Boolean),
      ...(signedBy ? { signedBy } : {}),
    });
  }
  return sources;
}

function parseDeb822Sources(text: string): AptSource[] {
  const sources: AptSource[] = [];
  const lines = text.split('\n').filter((line) => !line.startsWith('#'));
  for (const stanza of lines.join('\n').split(/\n\s*\n/)) {
    const fields = new Map<string, string>();
    let current = '';
    for (const line of stanza.split('\n')) {
      const field = /^([A-Za-z-]+):\s*(.*)$/.exec(line);
      if (field?.[1] !== undefined) {
        current = field[1].toLowerCase();
        fields.set(current, field[2] ?? '');
      } else if (/^\s/.test(line) && current) {
        fields.set(current, `${fields.get(current)}\n${line.trim()}`);
      }
    }
    const list = (name: string) => (fields.get(name) ?? '').split(/\s+/).filter(Boolean);
    if (!list('types').includes('deb') || fields.get('enabled')?.trim().toLowerCase() === 'no') continue;
    const keyring = fields.get('signed-by')?.trim();
    const signedBy = keyring && !keyring.includes('\n') ? keyring : undefined;
    for (const uri of list('uris')) {
      for (const suite of list('suites')) {
        sources.push({ uri, suite, components: list('components'), ...(signedBy ? { signedBy } : {}) });
      }
    }
  }
  return sources;
}

/**
 * The `deb` lines for mmdebstrap: apt's entries for `suite`, `suite-updates` and `suite-security`. On a Debian host of
 * another release (`hostSuite`, e.g. trixie), the URIs of its own archive and security entries with `suite`'s names.
 */
export function mirrorLines(sources: AptSource[], suite: string, hostSuite?: string): string[] {
  const renamed = (from: string): [string, string][] => [
    [from, suite],
    [`${from}-updates`, `${suite}-updates`],
    [`${from}-security`, `${suite}-security`],
  ];
  const suiteMap = new Map(renamed(suite));
  const hasSuite = sources.some((source) => suiteMap.has(source.suite));
  if (!hasSuite && hostSuite) {
    for (const [from, to] of renamed(hostSuite)) suiteMap.set(from, to);
  }
  const lines = sources.flatMap((source) => {
    const mapped = suiteMap.get(source.suite);
    const components = source.components.filter((component) => DEBIAN_COMPONENTS.includes(component));
    if (!mapped || components.length === 0) return [];
    const options = source.signedBy ? `[signed-by=${source.signedBy}] ` : '';
    return [`deb ${options}${source.uri} ${mapped} ${components.join(' ')}`];
  });
  if (lines.length === 0) throw new Error(`apt has no Debian sources to build ${suite} from (/etc/apt/sources.list*)`);
  return [...new Set(lines)];
}

/** The host's codename when it is Debian (its apt entries are then the Debian archive), from os-release(5). */
export async function debianHostSuite(): Promise<string | undefined> {
  const osRelease = (await readText('/etc/os-release')) ?? (await readText('/usr/lib/os-release')) ?? '';
  if (!/^ID="?debian"?$/m.test(osRelease)) return undefined;
  return /^VERSION_CODENAME="?([a-z]+)"?$/m.exec(osRelease)?.[1];
}
