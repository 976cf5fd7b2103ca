/** Vitest global setup: compiles and bundles the CLI once (as `npm run build`), so tests run the real `bin/lucent.js`. */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Builds dist/ and its bundle (dist/bundle/, which bin/lucent.js runs) before the tests start. */
export function setup(): void {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  execFileSync(process.execPath, [`${root}/node_modules/typescript/bin/tsc`, '-p', 'tsconfig.build.json'], {
    cwd: root,
    stdio: 'inherit',
  });
  execFileSync(process.execPath, [`${root}/scripts/bundle.js`], { cwd: root, stdio: 'inherit' });
}
