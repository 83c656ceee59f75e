// Test processes run the TypeScript sources through tsx's loader, given to
// Node's module hooks as bin/lantern.js does: `--import tsx` would also load
// esbuild and tsx's CommonJS hooks on the test's own thread, a sixth of a
// second of CPU in each of the run's test files, for nothing ESM needs.
import { register } from 'node:module';

process.setSourceMapsEnabled(true);
register('tsx/esm', import.meta.url, { data: {} });
