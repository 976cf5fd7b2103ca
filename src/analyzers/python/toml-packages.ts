/** The `[[package]]` tables that poetry.lock and uv.lock share, read with smol-toml (TOML 1.0). */
import { parse as parseToml } from 'smol-toml';

/** The `[[package]]` array of a TOML lock file, or the reason there is none. */
export function tomlPackages(text: string): unknown[] | string {
  let document: Record<string, unknown>;
  try {
    document = parseToml(text);
  } catch (error) {
    return `not valid TOML: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
  }
  const packages = document.package ?? [];
  return Array.isArray(packages) ? packages : '`package` is not an array of tables';
}
