/**
 * Image references (`[host[:port]/]path[:tag][@digest]`), parsed and normalised as Docker does.
 * Grammar: https://github.com/distribution/reference/blob/main/reference.go
 * Normalisation (docker.io default, `library/`): https://github.com/distribution/reference/blob/main/normalize.go
 * Written here rather than taken from npm: the grammar is a dozen lines of regular expressions, and the npm ports are
 * unmaintained or drag in a whole Docker client.
 */
import { LucentError } from '../../../core/errors.ts';
import { isDigest } from '../../digest.ts';

/** A parsed, normalised image reference. */
export interface ImageReference {
  /** The registry as users write it: `docker.io`, `ghcr.io`, `localhost:5000`, `[::1]:5000`. */
  registry: string;
  /** The host (and port) the Distribution API is served from: `registry-1.docker.io` for `docker.io`. */
  apiHost: string;
  /** The repository path, lowercase: `library/alpine`, `org/team/app`. */
  repository: string;
  /** The tag: as given, or `latest` when neither a tag nor a digest was given. */
  tag?: string;
  /** The manifest digest, when pinned with `@sha256:…`. */
  digest?: string;
}

/** Docker Hub's name in references, and the host its API really lives on. */
export const DOCKER_HUB = 'docker.io';
const DOCKER_HUB_API_HOST = 'registry-1.docker.io';
/** Older spellings of Docker Hub that Docker rewrites to `docker.io`. */
const DOCKER_HUB_ALIASES = new Set(['index.docker.io', 'registry-1.docker.io']);

// distribution/reference regexp.go, transcribed.
const ALPHA_NUMERIC = '[a-z0-9]+';
const SEPARATOR = '(?:[._]|__|[-]+)';
const PATH_COMPONENT = `${ALPHA_NUMERIC}(?:${SEPARATOR}${ALPHA_NUMERIC})*`;
const PATH = new RegExp(`^${PATH_COMPONENT}(?:/${PATH_COMPONENT})*$`);
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN_NAME = `${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*`;
const IPV6 = '\\[(?:[a-fA-F0-9:]+)\\]';
const DOMAIN = new RegExp(`^(?:${DOMAIN_NAME}|${IPV6})(?::[0-9]+)?$`);
const TAG = /^[\w][\w.-]{0,127}$/;
const HEX_ID = /^[a-f0-9]{64}$/;
/** reference.NameTotalLengthMax */
const NAME_MAX_LENGTH = 255;

/** Parses an image reference and fills in Docker's defaults (`docker.io`, `library/`, `latest`). */
export function parseReference(text: string): ImageReference {
  const input = text.trim();
  if (input === '') throw invalid(text, 'the reference is empty');
  if (HEX_ID.test(input)) {
    throw invalid(text, 'a bare 64-character hex string is an image ID, not a reference', 'use NAME@sha256:<hex>');
  }

  let rest = input;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at !== -1) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!isDigest(digest))
      throw invalid(text, `"${digest}" is not a valid digest`, 'digests look like sha256:<64 hex>');
  }

  // The tag is after the last colon, unless that colon belongs to the host's port (it is then followed by a slash).
  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon !== -1 && !rest.slice(colon + 1).includes('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) {
      throw invalid(text, `"${tag}" is not a valid tag`, 'tags are up to 128 letters, digits, "_", "." and "-"');
    }
  }

  const { registry, repository } = splitDomain(rest, text);
  if (registry.length + 1 + repository.length > NAME_MAX_LENGTH) {
    throw invalid(text, `the repository name is longer than ${NAME_MAX_LENGTH} characters`);
  }
  return {
    registry,
    apiHost: registry === DOCKER_HUB ? DOCKER_HUB_API_HOST : registry,
    repository,
    ...(tag !== undefined || digest === undefined ? { tag: tag ?? 'latest' } : {}),
    ...(digest !== undefined ? { digest } : {}),
  };
}

/** Formats a reference in full, e.g. `docker.io/library/alpine:3.20` or `ghcr.io/o/app@sha256:…`. */
export function formatReference(reference: ImageReference): string {
  const tag = reference.tag === undefined ? '' : `:${reference.tag}`;
  const digest = reference.digest === undefined ? '' : `@${reference.digest}`;
  return `${reference.registry}/${reference.repository}${tag}${digest}`;
}

/** What the manifest endpoint is asked for: the digest when pinned (it is immutable), else the tag. */
export function manifestReference(reference: ImageReference): string {
  return reference.digest ?? reference.tag ?? 'latest';
}

/** True for hosts on this machine, which are reached over plain HTTP (as Docker treats them as insecure). */
export function isLoopbackHost(host: string): boolean {
  const hostname = hostnameOf(host);
  return hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '[::1]';
}

/** The host part of `host[:port]`, keeping the brackets of an IPv6 address. */
export function hostnameOf(host: string): string {
  if (host.startsWith('[')) return host.slice(0, host.indexOf(']') + 1);
  const colon = host.indexOf(':');
  return colon === -1 ? host : host.slice(0, colon);
}

/**
 * docker/distribution splitDockerDomain: the first component is a registry when it has a dot or a colon, is
 * `localhost`, or has uppercase letters (a repository path never does); otherwise the name is on Docker Hub.
 */
function splitDomain(name: string, text: string): { registry: string; repository: string } {
  const slash = name.indexOf('/');
  const first = slash === -1 ? '' : name.slice(0, slash);
  let registry: string;
  let repository: string;
  if (slash !== -1 && (/[.:]/.test(first) || first === 'localhost' || first !== first.toLowerCase())) {
    registry = first;
    repository = name.slice(slash + 1);
    if (!DOMAIN.test(registry)) throw invalid(text, `"${registry}" is not a valid registry host`);
  } else {
    registry = DOCKER_HUB;
    repository = name;
  }
  if (DOCKER_HUB_ALIASES.has(registry)) registry = DOCKER_HUB;
  if (registry === DOCKER_HUB && !repository.includes('/')) repository = `library/${repository}`;
  if (repository !== repository.toLowerCase()) {
    throw invalid(text, 'repository names must be lowercase');
  }
  if (!PATH.test(repository)) {
    throw invalid(
      text,
      `"${repository}" is not a valid repository name`,
      'use lowercase letters, digits and single "/", ".", "_" or "-" separators',
    );
  }
  return { registry, repository };
}

function invalid(text: string, reason: string, hint?: string): LucentError {
  return new LucentError('E_USAGE', `invalid image reference "${text}": ${reason}`, hint ? { hint } : {});
}
