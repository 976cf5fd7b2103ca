/** Reading an OCI image layout (image-spec image-layout.md): which layers the image under a given tag has. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { readText } from './read-text.ts';

/** Layer digests of the image tagged `tag` in an OCI layout (empty when there is no such layout or tag). */
export async function layerDigests(layout: string, tag: string): Promise<string[]> {
  const indexText = await readText(join(layout, 'index.json'));
  if (indexText === undefined) return [];
  const index = OciIndexSchema.parse(JSON.parse(indexText));
  const descriptor = index.manifests.find((m) => m.annotations?.['org.opencontainers.image.ref.name'] === tag);
  if (!descriptor) return [];
  const manifestText = await readFile(join(layout, 'blobs', ...descriptor.digest.split(':')), 'utf8');
  return OciManifestSchema.parse(JSON.parse(manifestText)).layers.map((layer) => layer.digest);
}

const DescriptorSchema = z.object({
  mediaType: z.string().optional(),
  digest: z.string().regex(/^[a-z0-9]+:[a-f0-9]+$/),
  size: z.number(),
  annotations: z.record(z.string(), z.string()).optional(),
});
const OciIndexSchema = z.object({ schemaVersion: z.literal(2), manifests: z.array(DescriptorSchema) });
const OciManifestSchema = z.object({
  schemaVersion: z.literal(2),
  config: DescriptorSchema,
  layers: z.array(DescriptorSchema),
});
