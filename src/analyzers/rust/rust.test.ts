import { readFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { bytesReader } from '../analyzer.ts';
import { buildElf } from '../go/__fixtures__/elf.ts';
import { buildPe } from '../go/__fixtures__/pe-macho.ts';
import { findAuditData, findAuditDataIn } from './auditable.ts';
import { rustAnalyzer } from './index.ts';
import { parseAuditData, parseCargoLock } from './parse.ts';

const fixture = (name: string) => readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8');
const layer = { index: 0, diffId: 'sha256:0' };

/** Audit data as cargo-auditable writes it: a workspace root, runtime and build dependencies, a git crate. */
const AUDIT = {
  packages: [
    { name: 'app', version: '0.1.0', source: 'local', dependencies: [1, 2, 3, 5], root: true },
    { name: 'cc', version: '1.0.83', source: 'crates.io', kind: 'build' },
    { name: 'libc', version: '0.2.150', source: 'crates.io' },
    { name: 'rand', version: '0.8.5', source: 'registry', dependencies: [2, 4] },
    { name: 'rand_core', version: '0.6.4', source: 'git' },
    { name: 'util', version: '0.1.0', source: 'local', dependencies: [2] },
    { name: 'odd', version: '1.0.0', source: { Other: 'svn' }, dependencies: [99] },
  ],
};
const auditElf = (json: unknown, name = '.dep-v0') =>
  buildElf([{ name, addr: 0x1000, data: deflateSync(Buffer.from(JSON.stringify(json))) }]);

describe('parseCargoLock', () => {
  it.each([
    [
      'Cargo.v1.lock',
      [
        { type: 'cargo', name: 'libc', version: '0.2.40' },
        { type: 'cargo', name: 'rand', version: '0.4.2', dependsOn: ['cargo:libc@0.2.40'] },
      ],
      [],
    ],
    [
      'Cargo.v3.lock',
      [
        { type: 'cargo', name: 'log', version: '0.4.20' },
        { type: 'cargo', name: 'syn', version: '1.0.109' },
        { type: 'cargo', name: 'syn', version: '2.0.48', dependsOn: ['cargo:unicode-ident@1.0.12'] },
        { type: 'cargo', name: 'unicode-ident', version: '1.0.12' },
      ],
      [],
    ],
    [
      'Cargo.v4.lock',
      [
        { type: 'cargo', name: 'serde', version: '1.0.215', dependsOn: ['cargo:serde_derive@1.0.215'] },
        { type: 'cargo', name: 'serde_derive', version: '1.0.215' },
      ],
      [
        'package #4: Invalid input: expected string, received number; Invalid input: expected string, received undefined',
      ],
    ],
  ])('%s', (name, packages, unknowns) => {
    expect(parseCargoLock(fixture(name))).toEqual({ packages, unknowns });
  });

  it('reports a dependency missing from the lock file', () => {
    const text = '[[package]]\nname = "a"\nversion = "1.0.0"\nsource = "registry+x"\ndependencies = ["gone"]\n';
    expect(parseCargoLock(text).unknowns).toEqual(['a 1.0.0: dependency "gone" is not in the lock file']);
  });

  it.each([
    ['not TOML', 'this is [not toml'],
    ['a package list of the wrong type', 'package = "x"'],
  ])('throws on %s', (_name, text) => {
    expect(() => parseCargoLock(text)).toThrow();
  });
});

describe('cargo-auditable audit data', () => {
  it('lists published runtime crates with their edges, skipping local crates and build dependencies', () => {
    const data = findAuditData(auditElf(AUDIT));
    expect(data).toBeDefined();
    expect(parseAuditData(data as Uint8Array)).toEqual([
      { type: 'cargo', name: 'libc', version: '0.2.150' },
      {
        type: 'cargo',
        name: 'rand',
        version: '0.8.5',
        dependsOn: ['cargo:libc@0.2.150', 'cargo:rand_core@0.6.4'],
      },
      { type: 'cargo', name: 'rand_core', version: '0.6.4' },
      { type: 'cargo', name: 'odd', version: '1.0.0' },
    ]);
  });

  it('reads the section from a PE file too', () => {
    const pe = buildPe([{ name: '.dep-v0', addr: 0x1000, data: deflateSync(Buffer.from(JSON.stringify(AUDIT))) }]);
    expect(parseAuditData(findAuditData(pe) as Uint8Array)).toHaveLength(4);
  });

  it('reports a root crate installed from a registry', () => {
    const audit = { packages: [{ name: 'ripgrep', version: '14.1.0', source: 'crates.io', root: true }] };
    expect(parseAuditData(findAuditData(auditElf(audit)) as Uint8Array)).toEqual([
      { type: 'cargo', name: 'ripgrep', version: '14.1.0' },
    ]);
  });

  it('finds nothing in an executable without the section', () => {
    expect(findAuditData(auditElf(AUDIT, '.data'))).toBeUndefined();
    expect(findAuditData(Buffer.from('#!/bin/sh\n'.repeat(20)))).toBeUndefined();
  });

  it.each([
    ['data that is not zlib', Buffer.from('not compressed at all')],
    ['JSON of the wrong shape', deflateSync(Buffer.from('{"packages":[{"name":"x"}]}'))],
    ['a decompression bomb', deflateSync(Buffer.alloc(64 * 1024 * 1024, 0x20))],
  ])('throws on %s', (_name, data) => {
    expect(() => parseAuditData(data)).toThrow();
  });
});

describe('rustAnalyzer', () => {
  it.each([
    ['Cargo.lock', { size: 100, mode: 0o644 }, true],
    ['src/app/Cargo.lock', { size: 100, mode: 0o644 }, true],
    ['src/app/Cargo.toml', { size: 100, mode: 0o644 }, false],
    ['usr/local/bin/rg', { size: 5_000_000, mode: 0o755 }, true],
    ['usr/local/bin/rg', { size: 5_000_000, mode: 0o644 }, false],
  ])('required(%s, %j) is %s', (path, info, expected) => {
    expect(rustAnalyzer.required(path, info)).toBe(expected);
  });

  it('analyzes a Cargo.lock and an executable', async () => {
    const lock = await rustAnalyzer.analyze({
      path: 'app/Cargo.lock',
      content: Buffer.from(fixture('Cargo.v4.lock')),
      layer,
    });
    expect(lock.packages.map((pkg) => `${pkg.name}@${pkg.version}`)).toEqual(['serde@1.0.215', 'serde_derive@1.0.215']);
    expect(lock.unknowns).toHaveLength(1);
    const exe = await rustAnalyzer.analyze({ path: 'usr/bin/app', content: auditElf(AUDIT), layer });
    expect(exe.packages.map((pkg) => `${pkg.name}@${pkg.version}`)).toEqual([
      'libc@0.2.150',
      'rand@0.8.5',
      'rand_core@0.6.4',
      'odd@1.0.0',
    ]);
    expect(await rustAnalyzer.analyze({ path: 'usr/bin/ls', content: buildElf([]), layer })).toEqual({ packages: [] });
  });

  it('reads executables in parts (the same answer as whole), Cargo.lock files whole', async () => {
    expect(rustAnalyzer.readsInParts('usr/bin/app')).toBe(true);
    expect(rustAnalyzer.readsInParts('app/Cargo.lock')).toBe(false);
    const elf = auditElf(AUDIT);
    expect(await findAuditDataIn(bytesReader(elf))).toEqual(findAuditData(elf));
    const parts = await rustAnalyzer.analyzeParts({ path: 'usr/bin/app', file: bytesReader(elf), layer });
    expect(parts).toEqual(await rustAnalyzer.analyze({ path: 'usr/bin/app', content: elf, layer }));
    expect(parts.packages).toHaveLength(4);
  });
});
