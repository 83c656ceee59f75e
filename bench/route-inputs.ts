// Route inputs benchmark: what reading a request's query and body through its
// schema costs (src/server/platform/http/input-schema.ts), per call, for the
// API's busiest inputs and for a refusal, and how long the OpenAPI document
// takes to make from the schemas. A request that reaches the store or the
// benchmark index costs a millisecond or more; these figures say how much of
// that the checking of its input is.
//
//   node --import tsx bench/route-inputs.ts [--calls 200000]
import { parseArgs } from 'node:util';
import { areasQuery, observationsQuery } from '../src/server/features/data-hub/api-inputs.ts';
import { leagueTableQuery, newGroupBody } from '../src/server/features/explore/api-inputs.ts';
import { checked, checkedQuery } from '../src/server/platform/http/input-schema.ts';

const { values: args } = parseArgs({ options: { calls: { type: 'string', default: '200000' } } });
const CALLS = Number(args.calls);

function perCall(what: string, run: () => unknown): void {
  for (let i = 0; i < CALLS / 10; i++) run(); // warm: the JIT compiles the schema's checks first
  const start = process.hrtime.bigint();
  for (let i = 0; i < CALLS; i++) run();
  const micros = Number(process.hrtime.bigint() - start) / CALLS / 1000;
  console.log(`${what.padEnd(52)} ${micros.toFixed(2).padStart(7)} µs a call`);
}

function refused(run: () => unknown): () => void {
  return () => {
    try {
      run();
    } catch {
      return;
    }
    throw new Error('accepted what it should refuse');
  };
}

console.log(`# ${CALLS} calls each, on Node ${process.version}`);
perCall('GET /api/areas?type=unitary&region=…&current=true', () => checkedQuery(areasQuery, { type: 'unitary', region: 'E12000001', current: 'true', limit: '50' }));
perCall('GET /api/observations?metric=…&area=…&from=…&to=…', () => checkedQuery(observationsQuery, { metric: 'active-adults', area: 'e06000047', from: '2015/16', to: '2022/23' }));
perCall('GET /api/benchmark/league-table?metric=…&group=region', () => checkedQuery(leagueTableQuery, { metric: 'active-adults', area: 'E06000047', group: 'region', level: '99.8' }));
perCall('POST /api/benchmark/groups, 12 councils', () => checked(newGroupBody, { name: 'North East', areaCodes: Array.from({ length: 12 }, (_, i) => `E0600000${i}`) }));
perCall(
  'GET /api/areas?limit=abc (refused, 400)',
  refused(() => checkedQuery(areasQuery, { limit: 'abc' })),
);

const start = process.hrtime.bigint();
await import('../src/server/openapi.ts');
console.log(`${'the OpenAPI document, made once on loading'.padEnd(52)} ${(Number(process.hrtime.bigint() - start) / 1e6).toFixed(0).padStart(7)} ms (with the modules it loads)`);
