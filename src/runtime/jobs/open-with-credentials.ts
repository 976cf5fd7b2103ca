/**
 * Opens an image from the registry the way kubelet would pull it: with each pull secret that has credentials for the
 * image's registry, in order, until one is accepted, then with the scanner's own credentials (environment, Docker
 * config) or none. Other references to the same digest (the same image in another repository) are tried when one
 * is not found or not reachable.
 */
import { isLucentError, LucentError } from '../../core/errors.ts';
import type { Image } from '../../image/image.ts';
import { openRegistryImage, type RegistryOptions } from '../../image/sources/registry/index.ts';
import { parseReference } from '../../image/sources/registry/reference.ts';
import { credentialsFor, type PullCredential, type PullSecret } from '../inventory/pull-secrets.ts';

/** Opens the first reference that works; the error says what was tried. */
export async function openWithCredentials(
  references: readonly string[],
  secrets: readonly PullSecret[],
  base: RegistryOptions,
): Promise<Image> {
  const failures: string[] = [];
  let last: unknown;
  for (const reference of references) {
    const { credentials } = credentialsFor(parseReference(reference).registry, secrets);
    const attempts: (PullCredential | undefined)[] = [...credentials, undefined];
    for (const credential of attempts) {
      try {
        return await openRegistryImage(reference, withCredential(base, credential));
      } catch (error) {
        last = error;
        if (!isLucentError(error)) throw error;
        if (error.code === 'E_REGISTRY_AUTH') {
          failures.push(credential ? credential.source : 'the scanner’s own credentials');
          continue;
        }
        if (error.code === 'E_REGISTRY_NOT_FOUND' || error.code === 'E_REGISTRY_UNREACHABLE') break;
        throw error;
      }
    }
  }
  if (isLucentError(last) && last.code === 'E_REGISTRY_AUTH' && failures.length > 1) {
    throw new LucentError('E_REGISTRY_AUTH', `${last.message}; refused too: ${failures.slice(0, -1).join(', ')}`, {
      ...(last.hint ? { hint: last.hint } : {}),
      cause: last,
    });
  }
  throw last;
}

function withCredential(base: RegistryOptions, credential: PullCredential | undefined): RegistryOptions {
  if (!credential) return base;
  const { username: _u, password: _p, registryToken: _t, ...rest } = base;
  return credential.kind === 'basic'
    ? { ...rest, username: credential.username, password: credential.password }
    : { ...rest, registryToken: credential.token };
}
