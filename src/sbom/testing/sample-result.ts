/** A small, fixed analysis result for the SBOM format tests: every field an encoder writes appears at least once. */
import type { Image, Layer } from '../../image/image.ts';
import type { AnalysisResult } from '../../pipeline/analyze.ts';
import type { EncodeInput } from '../encode.ts';

const LAYER0 = 'sha256:1111111111111111111111111111111111111111111111111111111111111111';
const LAYER1 = 'sha256:2222222222222222222222222222222222222222222222222222222222222222';

function layer(index: number, diffId: string): Layer {
  return {
    index,
    digest: `sha256:${String(index + 7).repeat(64)}`,
    diffId,
    mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip',
    size: 1000 + index,
    entries: () => {
      throw new Error('the sample image has no layer contents');
    },
  };
}

/** A fixed analysis result: an Alpine-based image with OS and language packages, a dependency and an unknown. */
export function sampleResult(): AnalysisResult {
  const layers = [layer(0, LAYER0), layer(1, LAYER1)];
  const image: Image = {
    source: { kind: 'docker-archive', reference: 'app.tar' },
    name: 'example.org/app:1.0',
    manifest: { digest: `sha256:${'a'.repeat(64)}`, mediaType: 'application/vnd.oci.image.manifest.v1+json' },
    configDigest: `sha256:${'c'.repeat(64)}`,
    platform: { os: 'linux', architecture: 'amd64' },
    config: {},
    history: [],
    layers,
    repoTags: ['example.org/app:1.0', 'example.org/app:latest'],
    warnings: [],
    close: async () => undefined,
  };
  const apkDb = { path: '/lib/apk/db/installed', layerDiffId: LAYER0, layerIndex: 0 };
  return {
    image,
    warnings: [],
    inventory: {
      os: { id: 'alpine', versionId: '3.19.1', prettyName: 'Alpine Linux v3.19' },
      layers,
      unknowns: [{ path: '/app/broken/package.json', analyzer: 'npm', reason: 'invalid JSON', layerDiffId: LAYER1 }],
      packages: [
        {
          type: 'apk',
          name: 'busybox',
          version: '1.36.1-r15',
          qualifiers: { arch: 'x86_64' },
          purl: 'pkg:apk/alpine/busybox@1.36.1-r15?arch=x86_64&distro=alpine-3.19',
          licenses: ['GPL-2.0-only'],
          source: { name: 'busybox', version: '1.36.1-r15' },
          hashes: [{ algorithm: 'SHA-1', value: '0123456789abcdef0123456789abcdef01234567' }],
          dependsOn: ['apk:musl@1.2.4-r2'],
          foundBy: ['apk'],
          locations: [apkDb],
        },
        {
          type: 'apk',
          name: 'musl',
          version: '1.2.4-r2',
          qualifiers: { arch: 'x86_64' },
          purl: 'pkg:apk/alpine/musl@1.2.4-r2?arch=x86_64&distro=alpine-3.19',
          licenses: ['MIT'],
          source: { name: 'musl', version: '1.2.4-r2' },
          foundBy: ['apk'],
          locations: [apkDb],
        },
        {
          type: 'maven',
          namespace: 'org.example',
          name: 'lib',
          version: '2.0.0',
          purl: 'pkg:maven/org.example/lib@2.0.0',
          licenses: ['Apache-2.0', 'Custom License 1.0'],
          hashes: [{ algorithm: 'SHA-1', value: 'fedcba9876543210fedcba9876543210fedcba98' }],
          foundBy: ['java-archive', 'trivy'],
          locations: [
            { path: '/app/lib.jar', layerDiffId: LAYER1, layerIndex: 1 },
            { path: '/app/copy/lib.jar', layerDiffId: LAYER1, layerIndex: 1 },
          ],
        },
        {
          type: 'npm',
          namespace: '@scope',
          name: 'tool',
          version: '0.1.0',
          purl: 'pkg:npm/%40scope/tool@0.1.0',
          licenses: ['MIT OR Apache-2.0'],
          dev: true,
          dependsOn: ['npm:left-pad@1.3.0'],
          foundBy: ['npm'],
          locations: [{ path: '/app/package-lock.json', layerDiffId: LAYER1, layerIndex: 1 }],
        },
        {
          type: 'npm',
          name: 'left-pad',
          version: '1.3.0',
          purl: 'pkg:npm/left-pad@1.3.0',
          licenses: ['WTFPL'],
          foundBy: ['npm'],
          locations: [{ path: '/app/package-lock.json', layerDiffId: LAYER1, layerIndex: 1 }],
        },
      ],
    },
  };
}

/** The encoder input for the sample, with the timestamp and serial number fixed for golden files. */
export function sampleInput(): EncodeInput {
  return {
    result: sampleResult(),
    tool: { name: 'lucent', version: '0.1.0' },
    timestamp: new Date('2024-05-01T12:00:00.000Z'),
    serialNumber: 'urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79',
  };
}
