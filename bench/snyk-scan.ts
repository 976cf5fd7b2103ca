/**
 * Runs snyk-docker-plugin's `scan()` on one image, as the analyze benchmark's peer: `node bench/snyk-scan.ts
 * PLUGIN_DIR docker-archive:PATH`. Prints the number of dependencies found, so a broken run is visible.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';

const [pluginDir, path] = process.argv.slice(2);
if (!pluginDir || !path) throw new Error('usage: snyk-scan.ts PLUGIN_DIR docker-archive:PATH');
const require = createRequire(join(pluginDir, 'package.json'));
const plugin = require(pluginDir) as {
  scan(options: { path: string }): Promise<{ scanResults: { facts: { type: string; data: unknown }[] }[] }>;
};
const result = await plugin.scan({ path });
const facts = result.scanResults.flatMap((scan) => scan.facts).filter((fact) => fact.type === 'depGraph');
process.stdout.write(`${facts.length} dependency graphs\n`);
