/**
 * SPDX 2.x JSON documents (https://spdx.github.io/spdx-spec/v2.3/). Two schemas:
 * - `spdxDocumentSchema`: SPDX 2.3 as the specification's JSON schema states it for the elements Lucent writes
 *   (document, creation info, packages, relationships, annotations, extracted licenses): required fields, enums and
 *   no unknown properties. No npm or Debian package ships the official schema file, so this transcription is what
 *   the tests validate our output against.
 * - `spdxInputSchema`: the lenient subset the decoder reads from other tools' SPDX 2.2/2.3 documents.
 */
import { z } from 'zod';

const CHECKSUM_ALGORITHMS = [
  'SHA1',
  'BLAKE3',
  'SHA3-384',
  'SHA256',
  'SHA384',
  'BLAKE2b-512',
  'BLAKE2b-256',
  'SHA3-512',
  'MD2',
  'ADLER32',
  'MD4',
  'SHA3-256',
  'BLAKE2b-384',
  'SHA512',
  'MD6',
  'MD5',
  'SHA224',
] as const;

const PURPOSES = [
  'OTHER',
  'INSTALL',
  'ARCHIVE',
  'FIRMWARE',
  'APPLICATION',
  'FRAMEWORK',
  'LIBRARY',
  'CONTAINER',
  'SOURCE',
  'DEVICE',
  'OPERATING_SYSTEM',
  'FILE',
] as const;

// The relationship types Lucent writes or reads; the specification lists more, which the decoder ignores.
const RELATIONSHIPS = ['DESCRIBES', 'DESCRIBED_BY', 'CONTAINS', 'CONTAINED_BY', 'DEPENDS_ON', 'DEPENDENCY_OF'] as const;

/** SPDX element ids: `SPDXRef-` and letters, digits, `.` and `-` (SPDX 2.3 §3.2). */
export const SPDX_ID = /^SPDXRef-[A-Za-z0-9.-]+$/;

// ISO 8601 UTC without fractions, as SPDX 2.3 §6.9 shows it: 2010-01-29T18:30:22Z.
const UTC = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
const spdxId = z.string().regex(SPDX_ID);

const annotation = z.strictObject({
  annotationDate: UTC,
  annotationType: z.enum(['OTHER', 'REVIEW']),
  annotator: z.string().regex(/^(Person|Organization|Tool): .+/),
  comment: z.string(),
});

const checksum = z.strictObject({
  algorithm: z.enum(CHECKSUM_ALGORITHMS),
  checksumValue: z.string().regex(/^[0-9a-f]+$/),
});

const externalRef = z.strictObject({
  comment: z.string().optional(),
  referenceCategory: z.enum(['OTHER', 'PERSISTENT-ID', 'SECURITY', 'PACKAGE-MANAGER']),
  referenceLocator: z.string().regex(/^\S+$/),
  referenceType: z.string(),
});

const spdxPackage = z.strictObject({
  SPDXID: spdxId,
  name: z.string().min(1),
  downloadLocation: z.string(),
  annotations: z.array(annotation).optional(),
  checksums: z.array(checksum).optional(),
  comment: z.string().optional(),
  copyrightText: z.string().optional(),
  externalRefs: z.array(externalRef).optional(),
  filesAnalyzed: z.boolean().optional(),
  licenseConcluded: z.string().optional(),
  licenseDeclared: z.string().optional(),
  primaryPackagePurpose: z.enum(PURPOSES).optional(),
  sourceInfo: z.string().optional(),
  supplier: z.string().optional(),
  versionInfo: z.string().optional(),
});

/** SPDX 2.3 as Lucent writes it (strict). */
export const spdxDocumentSchema = z.strictObject({
  spdxVersion: z.literal('SPDX-2.3'),
  dataLicense: z.literal('CC0-1.0'),
  SPDXID: z.literal('SPDXRef-DOCUMENT'),
  name: z.string().min(1),
  documentNamespace: z.url(),
  creationInfo: z.strictObject({
    created: UTC,
    creators: z.array(z.string().regex(/^(Person|Organization|Tool): .+/)).min(1),
    licenseListVersion: z.string().optional(),
    comment: z.string().optional(),
  }),
  annotations: z.array(annotation).optional(),
  packages: z.array(spdxPackage),
  hasExtractedLicensingInfos: z
    .array(
      z.strictObject({
        licenseId: z.string().regex(/^LicenseRef-[A-Za-z0-9.-]+$/),
        extractedText: z.string(),
        name: z.string().optional(),
      }),
    )
    .optional(),
  relationships: z.array(
    z.strictObject({
      spdxElementId: spdxId.or(z.literal('SPDXRef-DOCUMENT')),
      relatedSpdxElement: spdxId,
      relationshipType: z.enum(RELATIONSHIPS),
    }),
  ),
});

/** An SPDX 2.3 document as Lucent writes it. */
export type SpdxDocument = z.infer<typeof spdxDocumentSchema>;
/** One package of a document Lucent writes. */
export type SpdxPackage = z.infer<typeof spdxPackage>;

/** The parts of SPDX 2.2/2.3 documents the decoder reads; anything else passes through unchecked. */
export const spdxInputSchema = z.looseObject({
  spdxVersion: z.string().regex(/^SPDX-2\.[23]$/, 'only SPDX 2.2 and 2.3 JSON are supported'),
  SPDXID: z.string(),
  name: z.string().optional(),
  creationInfo: z.looseObject({ creators: z.array(z.string()).default([]) }).optional(),
  packages: z
    .array(
      z.looseObject({
        SPDXID: z.string(),
        name: z.string(),
        versionInfo: z.string().optional(),
        licenseDeclared: z.string().optional(),
        licenseConcluded: z.string().optional(),
        sourceInfo: z.string().optional(),
        checksums: z.array(z.looseObject({ algorithm: z.string(), checksumValue: z.string() })).optional(),
        externalRefs: z
          .array(
            z.looseObject({ referenceCategory: z.string(), referenceType: z.string(), referenceLocator: z.string() }),
          )
          .optional(),
        annotations: z.array(z.looseObject({ annotator: z.string().optional(), comment: z.string() })).optional(),
      }),
    )
    .default([]),
  relationships: z
    .array(z.looseObject({ spdxElementId: z.string(), relatedSpdxElement: z.string(), relationshipType: z.string() }))
    .default([]),
});

/** An SPDX document as the decoder sees it. */
export type SpdxInput = z.infer<typeof spdxInputSchema>;
