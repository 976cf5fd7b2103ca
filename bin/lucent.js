#!/usr/bin/env node
// Entry point for the `lucent` command: runs the compiled CLI (built by `npm ci` through the `prepare` script).
import module from 'node:module';

// Reuse V8's compiled code between runs (Node >= 22.1): startup is most of a warm scan's time.
module.enableCompileCache?.();
const { main } = await import('../dist/cli/main.js');
process.exitCode = await main(process.argv);
