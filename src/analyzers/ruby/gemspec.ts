/**
 * Installed gem specifications (`specifications/*.gemspec`, `specifications/default/*.gemspec`). These are Ruby code
 * that RubyGems generates with `Gem::Specification#to_ruby`; they are read as text, never evaluated, so only the
 * generated forms are understood: literal assignments such as `s.name = "rack".freeze`, `s.version = "3.0.8"` or
 * `Gem::Version.new("3.0.8")`, `s.licenses = ["MIT".freeze]`, `s.platform = "x86_64-linux".freeze`, and the
 * `# stub: name version platform paths` header as a fallback. A hand-written gemspec that computes a value (for
 * example `s.version = Foo::VERSION`) becomes an unknown.
 */
import type { FoundPackage } from '../../core/package.ts';
import type { AnalyzerResult } from '../analyzer.ts';

// A Ruby string literal: "...", '...', or %q/%Q with any of the paired delimiters generated specs use.
const STRING = String.raw`(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|%[qQ]?(?:\{([^}]*)\}|<([^>]*)>|\(([^)]*)\)|\[([^\]]*)\]))`;
const LITERAL = new RegExp(`${STRING}(?:\\.freeze)?`, 'g');

/** The gem a generated gemspec describes. */
export function parseGemspec(text: string): AnalyzerResult {
  const stub = /^#\s*stub:\s+(\S+)\s+(\S+)\s+(\S+)/m.exec(text);
  const name = attribute(text, 'name') ?? stub?.[1];
  const version = versionAttribute(text) ?? stub?.[2];
  if (!name || !version) {
    return {
      packages: [],
      unknowns: [`no literal gem ${name ? 'version' : 'name'} (only generated gemspecs are read)`],
    };
  }
  const pkg: FoundPackage = { type: 'gem', name, version };
  const platform = attribute(text, 'platform') ?? stub?.[3];
  if (platform && platform !== 'ruby') pkg.qualifiers = { platform };
  const licenses = listAttribute(text, 'licenses') ?? listAttribute(text, 'license');
  if (licenses && licenses.length > 0) pkg.licenses = licenses;
  return { packages: [pkg] };
}

/** The string literal assigned to `<var>.<field>`, from the first such assignment. */
function attribute(text: string, field: string): string | undefined {
  const match = new RegExp(String.raw`^\s*\w+\.${field}\s*=\s*${STRING}`, 'm').exec(text);
  return match ? literalValue(match) : undefined;
}

/** `s.version = "1.2.3"` or `s.version = Gem::Version.new("1.2.3")`. */
function versionAttribute(text: string): string | undefined {
  const match = new RegExp(String.raw`^\s*\w+\.version\s*=\s*(?:Gem::Version\.new\(\s*)?${STRING}`, 'm').exec(text);
  return match ? literalValue(match) : undefined;
}

/** The literals of `<var>.<field> = [..]` or `<var>.<field> = ".."`. */
function listAttribute(text: string, field: string): string[] | undefined {
  const match = new RegExp(String.raw`^\s*\w+\.${field}\s*=\s*(\[[^\]]*\]|${STRING})`, 'm').exec(text);
  if (!match?.[1]) return undefined;
  return [...match[1].matchAll(LITERAL)]
    .map(literalValue)
    .filter((value): value is string => value !== undefined && value !== '');
}

function literalValue(match: RegExpMatchArray | RegExpExecArray): string | undefined {
  // The first group is the whole list in listAttribute; the literal's groups are the last six.
  const groups = match.slice(-6);
  const value = groups.find((group) => group !== undefined);
  return value?.replace(/\\(.)/g, '$1');
}
