/**
 * Validation, at the boundary, of what a token server, a Docker config file or a credential helper hands us, and
 * the media types the registry client asks for. Manifests themselves are validated by ../../manifest-schema.ts,
 * which every source shares. Types are inferred from the schemas.
 */
import { z } from 'zod';
import { MEDIA_TYPES } from '../../manifest-schema.ts';

/** The Accept header for manifests: every format Lucent reads, and nothing that would make a registry convert. */
export const MANIFEST_ACCEPT = [
  MEDIA_TYPES.ociIndex,
  MEDIA_TYPES.dockerList,
  MEDIA_TYPES.ociManifest,
  MEDIA_TYPES.dockerManifest,
].join(', ');

/** Config media types of container images; anything else is an OCI artifact (a Helm chart, a signature, …). */
export const IMAGE_CONFIG_TYPES = new Set([
  'application/vnd.oci.image.config.v1+json',
  'application/vnd.docker.container.image.v1+json',
]);

/**
 * A token server's answer. `token` is the Docker name and `access_token` the OAuth 2 one; servers send either or
 * both. https://distribution.github.io/distribution/spec/auth/token/#token-response-fields
 */
export const tokenResponseSchema = z
  .object({
    token: z.string().min(1).optional(),
    access_token: z.string().min(1).optional(),
    expires_in: z.number().positive().optional(),
    issued_at: z.string().optional(),
  })
  .loose()
  .refine((value) => value.token !== undefined || value.access_token !== undefined, {
    message: 'the response has neither "token" nor "access_token"',
  });

/** A token server's answer. */
export type TokenResponse = z.infer<typeof tokenResponseSchema>;

/** One `auths` entry of a Docker config file. */
export const dockerAuthEntrySchema = z
  .object({
    auth: z.string().optional(),
    username: z.string().optional(),
    password: z.string().optional(),
    identitytoken: z.string().optional(),
    registrytoken: z.string().optional(),
  })
  .loose();

/** The parts of `~/.docker/config.json` that hold or point to credentials. */
export const dockerConfigFileSchema = z
  .object({
    auths: z.record(z.string(), dockerAuthEntrySchema).optional(),
    credHelpers: z.record(z.string(), z.string()).optional(),
    credsStore: z.string().optional(),
  })
  .loose();

/** A Docker config file's credential settings. */
export type DockerConfigFile = z.infer<typeof dockerConfigFileSchema>;

/** What `docker-credential-<name> get` prints. https://github.com/docker/docker-credential-helpers */
export const credentialHelperOutputSchema = z
  .object({
    Username: z.string(),
    Secret: z.string(),
  })
  .loose();
