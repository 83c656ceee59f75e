// npm run bench:cluster: what running several Lantern servers on one
// PostgreSQL costs and how fast a change spreads between them. Each part runs
// in a process of its own, one after another, so that one part's servers and
// index never share a heap or a core with the next part's:
//   identity         identifying a viewer (cookie, token) against a public request
//   signed-in-pages  the area page signed in against public, 50 connections
//   start-up         the index build and /ready at 4 million observations
//   import-spread    an import through one server served by the others
//   jobs             an embargo's end reaching every server; a killed job retried
// `npm run bench:cluster -- start-up jobs` runs only the parts named.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const PARTS = ['identity', 'signed-in-pages', 'start-up', 'import-spread', 'jobs'];

const asked = process.argv.slice(2);
const unknown = asked.filter((part) => !PARTS.includes(part));
if (unknown.length > 0) {
  console.error(`bench:cluster: no part named ${unknown.join(', ')}; the parts are ${PARTS.join(', ')}`);
  process.exit(2);
}
let failed = 0;
for (const part of asked.length > 0 ? asked : PARTS) {
  console.log(`\n## ${part}`);
  const run = spawnSync(process.execPath, ['--import', 'tsx', path.join(HERE, 'cluster', `${part}.ts`)], { stdio: 'inherit' });
  if (run.status !== 0) {
    console.error(`bench:cluster: ${part} ended with ${run.status ?? run.signal}`);
    failed++;
  }
}
process.exit(failed === 0 ? 0 : 1);
