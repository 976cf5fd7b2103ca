/**
 * The SBOM download of a resource: the CycloneDX JSON document stored at ingestion, as it was sent, or that
 * document's packages re-encoded as SPDX 2.3 JSON by Lucent's own encoder (src/sbom). Nothing is re-analyzed.
 */
import { LucentError } from '../../../core/errors.ts';
import type { Image } from '../../../image/image.ts';
import type { AnalysisResult } from '../../../pipeline/analyze.ts';
import type { ResourceDetail } from '../../repositories/resources.ts';

/** The formats a stored SBOM can be downloaded in. */
export const SBOM_DOWNLOAD_FORMATS = ['cyclonedx-json', 'spdx-json'] as const;

/** A download format. */
export type SbomDownloadFormat = (typeof SBOM_DOWNLOAD_FORMATS)[number];

/** Media types (CycloneDX: https://cyclonedx.org/specification/overview/; SPDX 2.3 JSON: application/spdx+json). */
export const SBOM_MEDIA_TYPE: Record<SbomDownloadFormat, string> = {
  'cyclonedx-json': 'application/vnd.cyclonedx+json',
  'spdx-json': 'application/spdx+json',
};

/** The document to send, in the asked format. */
export async function sbomDocument(
  stored: { format: string; document: string } | undefined,
  resource: ResourceDetail,
  format: SbomDownloadFormat,
  tool: { name: string; version: string },
): Promise<string> {
  if (!stored) {
    throw new LucentError('E_NOT_FOUND', `no SBOM is stored for resource ${resource.applicationResource.id}`, {
      hint: 'export a content analysis (lucent analyze|scan --export) to store one',
    });
  }
  if (format === 'cyclonedx-json') return stored.document;
  const { decodeSbom } = await import('../../../sbom/decode.ts');
  const { encodeSbom } = await import('../../../sbom/encode.ts');
  const decoded = decodeSbom(stored.document, { label: 'lucent' });
  return encodeSbom(format, { result: analysisOf(resource, decoded.packages), tool });
}

/** An analysis result that stands for the stored resource, as the encoders take it. */
function analysisOf(resource: ResourceDetail, packages: AnalysisResult['inventory']['packages']): AnalysisResult {
  const item = resource.applicationResource;
  const isImage = item.resourceType === 'IMAGE';
  const image: Image = {
    source: isImage
      ? { kind: 'registry', reference: item.resourceName }
      : { kind: item.resourceType === 'FILE' ? 'file' : 'dir', reference: item.resourceName },
    name: item.resourceName,
    ...(isImage
      ? { manifest: { digest: item.resourceHash, mediaType: 'application/vnd.oci.image.manifest.v1+json' } }
      : {}),
    config: {},
    history: [],
    layers: [],
    repoTags: [],
    warnings: [],
    close: async () => undefined,
  };
  const os = resource.os && typeof resource.os.id === 'string' ? (resource.os as { id: string }) : undefined;
  return { image, inventory: { packages, unknowns: [], layers: [], ...(os ? { os } : {}) }, warnings: [] };
}
