/**
 * A small Debian 10 image for runtime-scan tests, built as an OCI layout: os-release, a dpkg status with old
 * versions of apt, dpkg and gzip (which the Debian tracker's DSA/DLA fixtures fix), a setuid binary, no USER and an
 * EXPOSEd port 80, so analysis, matching and the CIS checks all have something exact to find.
 */
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tarBytes } from '../../src/image/testing/test-layers.ts';

const OS_RELEASE = `PRETTY_NAME="Debian GNU/Linux 10 (buster)"
NAME="Debian GNU/Linux"
VERSION_ID="10"
VERSION="10 (buster)"
VERSION_CODENAME=buster
ID=debian
`;

function dpkgEntry(name: string, version: string, source?: string): string {
  return [
    `Package: ${name}`,
    'Status: install ok installed',
    'Priority: important',
    'Section: admin',
    'Installed-Size: 100',
    'Maintainer: Debian <debian@lists.debian.org>',
    'Architecture: amd64',
    ...(source ? [`Source: ${source}`] : []),
    `Version: ${version}`,
    `Description: ${name}`,
    '',
  ].join('\n');
}

/** The packages of the image, as dpkg lists them. */
export const APP_PACKAGES = [
  ['apt', '1.8.2'],
  ['dpkg', '1.19.7'],
  ['gzip', '1.9-3'],
  ['libapt-pkg5.0', '1.8.2', 'apt'],
] as const;

const sha256 = (bytes: Uint8Array) => `sha256:${createHash('sha256').update(bytes).digest('hex')}`;

/** Writes the image into an OCI layout at `dir`, tagged `tag`; returns the skopeo source (`oci:DIR:TAG`). */
export async function writeDebianAppLayout(dir: string, tag = 'app'): Promise<string> {
  const status = APP_PACKAGES.map(([name, version, source]) => dpkgEntry(name, version, source)).join('\n');
  const layer = await tarBytes([
    { name: 'etc/', type: 'directory' },
    { name: 'etc/os-release', content: OS_RELEASE },
    { name: 'var/lib/dpkg/status', content: status },
    { name: 'usr/bin/passwd', content: 'ELF', mode: 0o4755 },
    { name: 'app/server', content: '#!/bin/sh\n', mode: 0o755 },
  ]);
  const config = Buffer.from(
    JSON.stringify({
      architecture: 'amd64',
      os: 'linux',
      config: {
        Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
        Cmd: ['/app/server'],
        ExposedPorts: { '80/tcp': {} },
      },
      rootfs: { type: 'layers', diff_ids: [sha256(layer)] },
      history: [
        { created: '2025-01-01T00:00:00Z', created_by: 'COPY rootfs / # buildkit' },
        { created: '2025-01-01T00:00:00Z', created_by: 'EXPOSE map[80/tcp:{}]', empty_layer: true },
      ],
    }),
  );
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: sha256(config), size: config.length },
      layers: [{ mediaType: 'application/vnd.oci.image.layer.v1.tar', digest: sha256(layer), size: layer.length }],
    }),
  );
  const blobs = join(dir, 'blobs', 'sha256');
  await mkdir(blobs, { recursive: true });
  for (const blob of [layer, config, manifest]) await writeFile(join(blobs, sha256(blob).slice(7)), blob);
  await writeFile(join(dir, 'oci-layout'), JSON.stringify({ imageLayoutVersion: '1.0.0' }));
  await writeFile(
    join(dir, 'index.json'),
    JSON.stringify({
      schemaVersion: 2,
      manifests: [
        {
          mediaType: 'application/vnd.oci.image.manifest.v1+json',
          digest: sha256(manifest),
          size: manifest.length,
          annotations: { 'org.opencontainers.image.ref.name': tag },
        },
      ],
    }),
  );
  return `oci:${dir}:${tag}`;
}
