/** Paths of the image fixtures the tests use (copied from shared/data/images; origins in test/fixtures/README.md). */
import { fileURLToPath } from 'node:url';

/** Absolute path of a fixture image under test/fixtures/images. */
export function fixtureImage(relative: string): string {
  return fileURLToPath(new URL(`../fixtures/images/${relative}`, import.meta.url));
}
