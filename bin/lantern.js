#!/usr/bin/env node
// The `lantern` command. TypeScript sources run through tsx, so a fresh clone
// needs no build step.
//
// tsx's loader is given straight to Node's module hooks, which run it on a
// thread of their own: tsx's register() would also load esbuild and tsx's
// CommonJS hooks on this thread, a sixth of a second of `lantern --help` that
// an ESM-only Lantern never uses. Its loader takes its options as `data`
// (none needed here); source maps keep stack traces pointing at the .ts lines.
import { register } from 'node:module';

process.setSourceMapsEnabled(true);
register('tsx/esm', import.meta.url, { data: {} });
await import('../src/cli/main.ts');
