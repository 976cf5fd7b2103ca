/** The `registry:` source: images read straight from an OCI Distribution registry, with no daemon and no tarball. */
export { formatReference, type ImageReference, parseReference } from './reference.ts';
export { openRegistryImage, type RegistryOptions } from './registry-image.ts';
