/**
 * Offline Go builds for tests: modules are published to a file:// GOPROXY tree
 * (https://go.dev/ref/mod#goproxy-protocol) and `go build` resolves them from there, so the build info in the binary
 * (`go version -m`) is written by Go's own toolchain, with the module paths and versions the test chose.
 */
import { execFile } from 'node:child_process';
import { appendFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { zipSync } from 'fflate';

const exec = promisify(execFile);

/** A module to publish: its path and version, and one Go package at its root. */
export interface StubModule {
  path: string;
  version: string;
  /** The Go package name of the root package (`yaml` for gopkg.in/yaml.v2). */
  packageName: string;
}

/**
 * Publishes a module whose root package exports `func Stub() string`. A `+incompatible` version (a v2+ module from
 * before modules, https://go.dev/ref/mod#incompatible-versions) has no go.mod in its zip, as such releases have none.
 */
export async function publishStub(proxy: string, module: StubModule): Promise<void> {
  const dir = join(proxy, module.path, '@v');
  await mkdir(dir, { recursive: true });
  const goMod = `module ${module.path}\n`;
  const incompatible = module.version.endsWith('+incompatible');
  const source = `package ${module.packageName}\n\n// Stub stands in for the module's code.\nfunc Stub() string { return "${module.path}@${module.version}" }\n`;
  const files: Record<string, string> = incompatible ? { 'stub.go': source } : { 'go.mod': goMod, 'stub.go': source };
  const list = join(dir, 'list');
  const known = await readFile(list, 'utf8').catch(() => '');
  if (!known.split('\n').includes(module.version)) await appendFile(list, `${module.version}\n`);
  await writeFile(
    join(dir, `${module.version}.info`),
    JSON.stringify({ Version: module.version, Time: '2020-01-02T03:04:05Z' }),
  );
  await writeFile(join(dir, `${module.version}.mod`), goMod);
  const zip = Object.fromEntries(
    Object.entries(files).map(([name, text]) => [`${module.path}@${module.version}/${name}`, Buffer.from(text)]),
  );
  await writeFile(join(dir, `${module.version}.zip`), zipSync(zip));
}

/** Options of `buildProgram`. */
export interface ProgramOptions {
  /** The modules `main` imports (each must be published). */
  requires: StubModule[];
  /** `replace` directives: module path → the module (published) that replaces it. */
  replaces?: Record<string, StubModule>;
}

/** Builds `example.com/app` importing every required module, offline; returns the binary's path. */
export async function buildProgram(work: string, proxy: string, options: ProgramOptions): Promise<string> {
  const app = join(work, 'app');
  await mkdir(app, { recursive: true });
  const replaces = Object.entries(options.replaces ?? {}).map(
    ([path, by]) => `replace ${path} => ${by.path} ${by.version}`,
  );
  const goMod = [
    'module example.com/app',
    '',
    'go 1.18',
    '',
    'require (',
    ...options.requires.map((module) => `\t${module.path} ${module.version}`),
    ')',
    '',
    ...replaces,
    '',
  ];
  await writeFile(join(app, 'go.mod'), goMod.join('\n'));
  const imports = options.requires.map((module, index) => `\tm${index} "${module.path}"`);
  const calls = options.requires.map((_, index) => `\tprintln(m${index}.Stub())`);
  await writeFile(
    join(app, 'main.go'),
    ['package main', '', 'import (', ...imports, ')', '', 'func main() {', ...calls, '}', ''].join('\n'),
  );
  const binary = join(work, 'app-binary');
  await exec('go', ['build', '-buildvcs=false', '-o', binary, '.'], {
    cwd: app,
    env: {
      ...process.env,
      GOPROXY: `file://${proxy}`,
      GOSUMDB: 'off',
      GOFLAGS: '-mod=mod -modcacherw',
      GOMODCACHE: join(work, 'modcache'),
      GOPATH: join(work, 'gopath'),
      // Shared between runs so the standard library is compiled once; never under the temp work dir.
      GOCACHE: process.env.GOCACHE ?? join(tmpdir(), 'lucent-test-go-build-cache'),
      GOWORK: 'off',
      GOTOOLCHAIN: 'local',
      CGO_ENABLED: '0',
    },
  });
  return binary;
}

/**
 * The modules `go version -m` lists, as Lucent reports Go packages (src/analyzers/go/parse.ts): the main module and
 * dependencies (a replaced one under its replacement), modules without a version left out, and the toolchain as
 * `stdlib` without its `go` prefix. Read with Go's own tool, not with Lucent's build-info parser.
 */
export async function goVersionModules(binary: string): Promise<{ name: string; version: string }[]> {
  const { stdout } = await exec('go', ['version', '-m', binary]);
  const [header = '', ...lines] = stdout.trim().split('\n');
  const modules: { name: string; version: string }[] = [];
  for (const line of lines) {
    const [, kind, path = '', version = ''] = line.split('\t');
    if (kind === 'mod' || kind === 'dep') modules.push({ name: path, version });
    else if (kind === '=>') modules[modules.length - 1] = { name: path, version };
  }
  const toolchain = /: go(\S+)/.exec(header)?.[1];
  if (!toolchain) throw new Error(`no Go version in: ${header}`);
  return [
    ...modules.filter(
      (module) => module.version !== '' && module.version !== '(devel)' && !module.name.startsWith('.'),
    ),
    { name: 'stdlib', version: toolchain },
  ];
}
