/**
 * The go, rust and java analyzers end to end.
 * - Java: the docker-save_java.tar fixture image, through the same pipeline as `lucent analyze`.
 * - No phantom packages: the Debian 12 tools image (ensureDebianImages) gives no Go, Rust or Java packages.
 * - Go: a Debian-built binary (/usr/bin/docker-registry) compared with `go version -m` from Debian's golang-go, and
 *   small programs built here with `go build` (offline: dependencies come from a file:// module proxy written by the
 *   test) for linux/amd64, linux/386, windows/amd64 and darwin/arm64, plus a VCS-stamped build. Skipped, with a
 *   warning, when `go` is not installed.
 * - Rust: cargo-auditable is not installed here, so a program built with `rustc` embeds a `.dep-v0` section the way
 *   cargo-auditable does (a `#[used]` static in that link section holding zlib-compressed audit JSON). Skipped, with a
 *   warning, when `rustc` is not installed.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { deflateSync } from 'node:zlib';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { goAnalyzer } from '../../src/analyzers/go/index.ts';
import { javaAnalyzer } from '../../src/analyzers/java/index.ts';
import { osReleaseAnalyzer } from '../../src/analyzers/os-release/index.ts';
import { rustAnalyzer } from '../../src/analyzers/rust/index.ts';
import { type FoundPackage, packageKey } from '../../src/core/package.ts';
import { noLayerCache } from '../../src/image/layer-cache.ts';
import { openImage } from '../../src/image/sources/open-image.ts';
import { analyzeImage } from '../../src/pipeline/analyze.ts';
import { ensureDebianImages } from '../support/debian-images.ts';
import { fixtureImage } from '../support/fixtures.ts';
import { onPath } from '../support/run-program.ts';

const exec = promisify(execFile);
const layer = { index: 0, diffId: 'sha256:test' };
const hasGo = await onPath('go');
const hasRustc = await onPath('rustc');
const hasGit = await onPath('git');
const DOCKER_REGISTRY = '/usr/bin/docker-registry';
if (!hasGo) console.warn('go-rust-java: `go` is not on PATH (apt-get install golang-go): Go build tests skipped');
if (hasGo && !existsSync(DOCKER_REGISTRY)) {
  console.warn(`go-rust-java: ${DOCKER_REGISTRY} is missing (apt-get install docker-registry): comparison skipped`);
}
if (!hasRustc) console.warn('go-rust-java: `rustc` is not on PATH: the .dep-v0 executable test is skipped');

const keys = (packages: FoundPackage[]) => packages.map(packageKey).sort();

describe('java: docker-save_java.tar', () => {
  it('yields group:artifact:version for its jars, with the SHA-1 of each jar', async () => {
    const image = await openImage(fixtureImage('snyk-docker-plugin/docker-save_java.tar'));
    const { inventory } = await analyzeImage(image, {
      cache: noLayerCache,
      analyzers: [osReleaseAnalyzer, javaAnalyzer],
    });
    await image.close();
    expect(
      inventory.packages.map((pkg) => ({
        gav: `${pkg.namespace}:${pkg.name}:${pkg.version}`,
        purl: pkg.purl,
        sha1: pkg.hashes?.map((hash) => `${hash.algorithm}:${hash.value}`),
        paths: pkg.locations.map((location) => location.path).sort(),
      })),
    ).toEqual([
      {
        gav: 'javax.activation:activation:1.1.1',
        purl: 'pkg:maven/javax.activation/activation@1.1.1',
        sha1: ['SHA-1:485de3a253e23f645037828c07f1d7f1af40763a'],
        paths: ['/app/activation-1.1.1.jar', '/usr/gradle/caches/activation-1.1.1.jar'],
      },
      {
        gav: 'org.apache.yetus:audience-annotations:0.5.0',
        purl: 'pkg:maven/org.apache.yetus/audience-annotations@0.5.0',
        sha1: ['SHA-1:55762d3191a8d6610ef46d11e8cb70c7667342a3'],
        paths: ['/libs/audience-annotations-0.5.0.jar'],
      },
      {
        gav: 'org.glassfish.hk2.external:aopalliance-repackaged:2.5.0',
        purl: 'pkg:maven/org.glassfish.hk2.external/aopalliance-repackaged@2.5.0',
        sha1: ['SHA-1:2fa68c05f54f1bba9559dd571eb81959081f1895'],
        paths: ['/libs/aopalliance-repackaged-2.5.0.jar'],
      },
    ]);
    expect(inventory.packages.every((pkg) => pkg.foundBy.join() === 'java')).toBe(true);
    // The empty some-jar.jar is not an archive: recorded, not dropped.
    expect(inventory.unknowns.map(({ path, analyzer, reason }) => ({ path, analyzer, reason }))).toEqual([
      {
        path: '/usr/gradle/caches/some-jar.jar',
        analyzer: 'java',
        reason: 'not a zip archive: no end of central directory record',
      },
    ]);
  });
});

describe('no phantom packages', () => {
  it('the Debian 12 tools image has no Go, Rust or Java packages, and no unknowns', async () => {
    const { tools } = await ensureDebianImages();
    const image = await openImage(tools.dockerArchive);
    let executables = 0;
    const { inventory } = await analyzeImage(image, {
      cache: noLayerCache,
      analyzers: [goAnalyzer, rustAnalyzer, javaAnalyzer],
      onFileMatched: () => executables++,
    });
    await image.close();
    expect(executables).toBeGreaterThan(20); // the executables were opened, and none is a Go or Rust program
    expect(inventory.packages).toEqual([]);
    expect(inventory.unknowns).toEqual([]);
  });
});

/** The module list `go version -m` prints: main module and deps after `=>`, and the toolchain as stdlib. */
function goVersionModules(output: string): string[] {
  const [header = '', ...lines] = output.trim().split('\n');
  const modules: { path: string; version: string }[] = [];
  for (const line of lines) {
    const [, kind, path = '', version = ''] = line.split('\t');
    if (kind === 'mod' || kind === 'dep') modules.push({ path, version });
    else if (kind === '=>') modules[modules.length - 1] = { path, version };
  }
  // Documented convention (src/analyzers/go/parse.ts): modules without a version of their own are not packages.
  const versioned = modules.filter((m) => m.version !== '' && m.version !== '(devel)' && !m.path.startsWith('.'));
  const toolchain = /: go(\S+)/.exec(header)?.[1];
  return [...versioned.map((m) => `golang:${m.path}@${m.version}`), `golang:stdlib@${toolchain}`].sort();
}

async function analyzeFile(path: string) {
  return goAnalyzer.analyze({ path: path.replace(/^\//, ''), content: await readFile(path), layer });
}

describe.skipIf(!hasGo || !existsSync(DOCKER_REGISTRY))('go: a Debian-built binary', () => {
  it('docker-registry yields the module list of `go version -m`', async () => {
    const { stdout } = await exec('go', ['version', '-m', DOCKER_REGISTRY]);
    const result = await analyzeFile(DOCKER_REGISTRY);
    expect(keys(result.packages)).toEqual(goVersionModules(stdout));
    // Debian builds in GOPATH mode: no module lines, so the toolchain is the only package.
    expect(keys(result.packages)).toEqual([`golang:stdlib@${/: go(\S+)/.exec(stdout)?.[1]}`]);
  });
});

/** Writes a module into a file:// GOPROXY tree (https://go.dev/ref/mod#goproxy-protocol). */
async function publish(
  proxy: string,
  module: string,
  version: string,
  declared: string,
  files: Record<string, string>,
) {
  const dir = join(proxy, module, '@v');
  await mkdir(dir, { recursive: true });
  const goMod = `module ${declared}\n\ngo 1.18\n`;
  await writeFile(join(dir, 'list'), `${version}\n`);
  await writeFile(join(dir, `${version}.info`), JSON.stringify({ Version: version, Time: '2024-01-02T03:04:05Z' }));
  await writeFile(join(dir, `${version}.mod`), goMod);
  const zip = Object.fromEntries(
    Object.entries({ 'go.mod': goMod, ...files }).map(([name, text]) => [
      `${module}@${version}/${name}`,
      Buffer.from(text),
    ]),
  );
  await writeFile(join(dir, `${version}.zip`), zipSync(zip));
}

describe.skipIf(!hasGo)('go: programs built here', () => {
  let work: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'lucent-go-'));
    const proxy = join(work, 'proxy');
    await publish(proxy, 'example.com/greet', 'v1.4.0', 'example.com/greet', {
      'greet.go': 'package greet\n\nfunc Hello() string { return "hello" }\n',
    });
    // A fork published under its own path that declares the original path, as forks used in `replace` do.
    await publish(proxy, 'example.com/fork', 'v1.1.0', 'example.com/old', {
      'old.go': 'package old\n\nfunc Name() string { return "fork" }\n',
    });
    await mkdir(join(work, 'lib'));
    await writeFile(join(work, 'lib', 'go.mod'), 'module example.com/lib\n\ngo 1.18\n');
    await writeFile(join(work, 'lib', 'lib.go'), 'package lib\n\nfunc Answer() int { return 42 }\n');
    await mkdir(join(work, 'app'));
    await writeFile(
      join(work, 'app', 'go.mod'),
      [
        'module example.com/app',
        '',
        'go 1.18',
        '',
        'require (',
        '\texample.com/greet v1.4.0',
        '\texample.com/lib v1.2.3',
        '\texample.com/old v1.0.0',
        ')',
        '',
        'replace example.com/lib => ../lib',
        '',
        'replace example.com/old => example.com/fork v1.1.0',
        '',
      ].join('\n'),
    );
    await writeFile(
      join(work, 'app', 'main.go'),
      'package main\n\nimport (\n\t"fmt"\n\n\t"example.com/greet"\n\t"example.com/lib"\n\t"example.com/old"\n)\n\nfunc main() { fmt.Println(greet.Hello(), lib.Answer(), old.Name()) }\n',
    );
    await mkdir(join(work, 'hello'));
    await writeFile(join(work, 'hello', 'go.mod'), 'module example.com/hello\n\ngo 1.18\n');
    await writeFile(join(work, 'hello', 'main.go'), 'package main\n\nfunc main() { println("hi") }\n');
    env = {
      ...process.env,
      GOPROXY: `file://${proxy}`,
      GOSUMDB: 'off',
      GOFLAGS: '-mod=mod -modcacherw',
      GOMODCACHE: join(work, 'modcache'),
      GOPATH: join(work, 'gopath'),
      // Shared between runs so cross-compiled standard libraries are built once; never under the temp work dir.
      GOCACHE: process.env.GOCACHE ?? join(tmpdir(), 'lucent-test-go-build-cache'),
      GOWORK: 'off',
      GOTOOLCHAIN: 'local',
      CGO_ENABLED: '0',
    };
  });

  afterAll(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  async function build(dir: string, out: string, platform: Record<string, string> = {}, flags: string[] = []) {
    const output = join(work, 'bin', out);
    await exec('go', ['build', ...flags, '-o', output, '.'], { cwd: join(work, dir), env: { ...env, ...platform } });
    return output;
  }

  it.each([
    ['linux/amd64', { GOOS: 'linux', GOARCH: 'amd64' }],
    ['linux/386 (32-bit ELF)', { GOOS: 'linux', GOARCH: '386' }],
    ['windows/amd64 (PE)', { GOOS: 'windows', GOARCH: 'amd64' }],
    ['darwin/arm64 (Mach-O)', { GOOS: 'darwin', GOARCH: 'arm64' }],
  ])('%s: deps with replacements and stdlib, as `go version -m` lists them', async (name, platform) => {
    const binary = await build('app', `app-${name.split(' ')[0]?.replace('/', '-')}`, platform, ['-buildvcs=false']);
    const { stdout } = await exec('go', ['version', '-m', binary], { env });
    const result = await analyzeFile(binary);
    expect(keys(result.packages)).toEqual(goVersionModules(stdout));
    const toolchain = /: go(\S+)/.exec(stdout)?.[1];
    // The replaced module is reported as its replacement; the local replacement and the (devel) main module are not.
    expect(keys(result.packages)).toEqual(
      ['golang:example.com/fork@v1.1.0', 'golang:example.com/greet@v1.4.0', `golang:stdlib@${toolchain}`].sort(),
    );
    expect(stdout).toContain('\tmod\texample.com/app\t(devel)');
    expect(stdout).toContain('\t=>\t../lib\t');
  });

  it('a module without dependencies gives only stdlib; its go.mod gives the requirements', async () => {
    const binary = await build('hello', 'hello', {}, ['-buildvcs=false', '-ldflags=-s -w']);
    const { stdout } = await exec('go', ['version', '-m', binary], { env });
    expect(keys((await analyzeFile(binary)).packages)).toEqual(goVersionModules(stdout));
    const goMod = await goAnalyzer.analyze({
      path: 'src/app/go.mod',
      content: await readFile(join(work, 'app', 'go.mod')),
      layer,
    });
    expect(keys(goMod.packages)).toEqual(['golang:example.com/fork@v1.1.0', 'golang:example.com/greet@v1.4.0']);
  });

  it.skipIf(!hasGit)('a VCS-stamped (devel) build reports the main module at its pseudo-version', async () => {
    const git = (...args: string[]) =>
      exec('git', args, {
        cwd: join(work, 'hello'),
        env: { ...env, GIT_AUTHOR_DATE: '2024-02-03T04:05:06Z', GIT_COMMITTER_DATE: '2024-02-03T04:05:06Z' },
      });
    await git('init', '-q');
    await git('add', '.');
    await git('-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-qm', 'init');
    const revision = (await git('rev-parse', 'HEAD')).stdout.trim();
    const binary = await build('hello', 'hello-vcs', {}, ['-buildvcs=true']);
    const { stdout } = await exec('go', ['version', '-m', binary], { env });
    expect(stdout).toContain(`vcs.revision=${revision}`);
    expect(keys((await analyzeFile(binary)).packages)).toEqual([
      `golang:example.com/hello@v0.0.0-20240203040506-${revision.slice(0, 12)}`,
      `golang:stdlib@${/: go(\S+)/.exec(stdout)?.[1]}`,
    ]);
  });
});

describe.skipIf(!hasRustc)('rust: an executable with cargo-auditable audit data', () => {
  it('lists the published runtime crates of the embedded .dep-v0 section', async () => {
    const work = await mkdtemp(join(tmpdir(), 'lucent-rust-'));
    try {
      const audit = {
        packages: [
          { name: 'hello', version: '0.1.0', source: 'local', dependencies: [1, 2, 3], root: true },
          { name: 'itoa', version: '1.0.11', source: 'crates.io' },
          { name: 'serde', version: '1.0.215', source: 'crates.io', dependencies: [4] },
          { name: 'cc', version: '1.0.83', source: 'crates.io', kind: 'build' },
          { name: 'serde_derive', version: '1.0.215', source: 'crates.io' },
        ],
      };
      await writeFile(join(work, 'audit.zlib'), deflateSync(Buffer.from(JSON.stringify(audit))));
      await writeFile(
        join(work, 'main.rs'),
        '#[used]\n#[unsafe(link_section = ".dep-v0")]\nstatic AUDIT: [u8; include_bytes!("audit.zlib").len()] = *include_bytes!("audit.zlib");\nfn main() { println!("hello"); }\n',
      );
      await exec('rustc', ['--edition', '2021', '-O', 'main.rs', '-o', 'hello'], { cwd: work });
      const content = await readFile(join(work, 'hello'));
      const result = await rustAnalyzer.analyze({ path: 'usr/local/bin/hello', content, layer });
      expect(result.packages).toEqual([
        { type: 'cargo', name: 'itoa', version: '1.0.11' },
        { type: 'cargo', name: 'serde', version: '1.0.215', dependsOn: ['cargo:serde_derive@1.0.215'] },
        { type: 'cargo', name: 'serde_derive', version: '1.0.215' },
      ]);
      expect(rustAnalyzer.required('usr/local/bin/hello', { size: content.length, mode: 0o755 })).toBe(true);
      // The same program is not a Go binary.
      expect(await goAnalyzer.analyze({ path: 'usr/local/bin/hello', content, layer })).toEqual({ packages: [] });
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  });
});
