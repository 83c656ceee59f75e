// Targets imported from CSV (issue 18: 20,000 targets imported ≤ 5 s): one
// agreement over 400 areas, and a file of 50 targets for each, one on each of
// 50 metrics, every line checked as the API checks a target (metric, areas,
// partner, tolerance rule, the straight trajectory drawn and checked) and
// written in one transaction with its audit events. Printed, for each of
// --runs imports (each into an agreement of its own, on one fresh embedded
// store): the time of the whole import, and the processor time it took in
// Lantern and in PostgreSQL, steadier than the clock on a shared machine;
// then the best and the median run.
//
// Usage: node --import tsx bench/target-import.ts [-- --areas 400 --metrics 50 --runs 3]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { parseArgs } from 'node:util';
import { importFile } from '../src/ingest/import-file.ts';
import { addAgreement } from '../src/server/features/targets/agreements.ts';
import { importTargets } from '../src/server/features/targets/target-import.ts';
import { RequestAccess } from '../src/server/platform/access/request-access.ts';
import { hashPassword } from '../src/server/platform/identity/passwords.ts';
import { createOrganisation } from '../src/store/organisations.ts';
import { openStore, type Sql } from '../src/store/store.ts';
import { createUser } from '../src/store/users.ts';
import { nearestRank } from './nearest-rank.ts';
import { lanternSeconds, postgresSeconds } from './processor-time.ts';

const { values } = parseArgs({
  options: { areas: { type: 'string', default: '400' }, metrics: { type: 'string', default: '50' }, runs: { type: 'string', default: '3' } },
});
const AREAS = Number(values.areas);
const METRICS = Number(values.metrics);
const RUNS = Number(values.runs);
const fmt = (n: number) => n.toFixed(2);

const code = (i: number) => `E06${String(900000 + i).padStart(6, '0')}`;

async function load(sql: Sql, fileName: string, text: string): Promise<void> {
  const result = await importFile(sql, { fileName, input: Readable.from([Buffer.from(text)]), importedBy: 'bench' });
  if (result.status !== 'loaded') throw new Error(`${fileName}: ${JSON.stringify(result.rejections.slice(0, 3))}`);
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-bench-targets-'));
const store = await openStore({ dataDir, role: 'bench' });
try {
  await load(store.sql, 'areas.csv', ['code,name,type', ...Array.from({ length: AREAS }, (_, i) => `${code(i)},Area ${i},unitary`)].join('\n'));
  await load(
    store.sql,
    'metrics.csv',
    ['code,title,polarity,value_kind,period_kind', ...Array.from({ length: METRICS }, (_, m) => `metric-${m},Metric ${m},higher_is_better,mean,financial_year`)].join('\n'),
  );
  const council = await createOrganisation(store.sql, { name: 'Bench council', kind: 'council', areaCode: code(0) });
  const officer = await createUser(store.sql, {
    email: 'officer@bench.example',
    name: 'Officer',
    organisationId: council.id,
    role: 'performance_officer',
    passwordHash: await hashPassword('a long bench password 1'),
  });
  const access = new RequestAccess(
    { kind: 'user', userId: officer.id, role: 'performance_officer', organisationId: council.id, councilArea: code(0), actions: ['read', 'change', 'share'] },
    () => ({ userId: officer.id, actor: officer.email, ip: null, userAgent: 'bench' }),
    store.sql,
    Date.now(),
  );
  const areas = Array.from({ length: AREAS }, (_, i) => code(i));
  const header = 'reference,metric,areas,kind,baselinePeriod,baselineValue,targetPeriod,targetValue,leadPartner,rule,greenWithinPercent,amberWithinPercent';
  const lines = areas.flatMap((area, a) => Array.from({ length: METRICS }, (_, m) => `T${a}-${m},metric-${m},${area},local,2020/21,50,2023/24,55,Bench council,relative,5,10`));
  const text = [header, ...lines].join('\n') + '\n';
  const postgres = postgresSeconds(store.embedded!.dataDir);
  const runs: { seconds: number; lantern: number; postgres: number }[] = [];
  for (let run = 1; run <= RUNS; run++) {
    const agreement = await addAgreement(store.sql, access, {
      kind: 'local_area_agreement',
      title: `Bench LAA ${run}`,
      firstYear: '2021/22',
      lastYear: '2023/24',
      areas,
      partners: [{ kind: 'council', name: 'Bench council' }],
    });
    const [started, lanternBefore, postgresBefore] = [performance.now(), lanternSeconds(), postgres()];
    const result = await importTargets(store.sql, access, agreement.id, { fileName: 'targets.csv', input: Readable.from([Buffer.from(text)]) });
    const measured = { seconds: (performance.now() - started) / 1000, lantern: lanternSeconds() - lanternBefore, postgres: postgres() - postgresBefore };
    runs.push(measured);
    console.log(
      `run ${run}: ${result.imported} targets (${(text.length / 1e6).toFixed(1)} MB) in ${fmt(measured.seconds)} s, ${Math.round(result.imported / measured.seconds)} targets/s; processor ${fmt(measured.lantern)} s in Lantern, ${fmt(measured.postgres)} s in PostgreSQL`,
    );
  }
  const best = Math.min(...runs.map((r) => r.seconds));
  const median = nearestRank(
    runs.map((r) => r.seconds),
    0.5,
  );
  console.log(`targets imported from CSV: best ${fmt(best)} s, median ${fmt(median)} s over ${RUNS} runs (goal: 20,000 in ≤ 5 s: ${best <= 5 ? 'ok' : 'OVER'})`);
  console.log(`machine: ${os.cpus().length} cores, Node ${process.version}, load average ${os.loadavg().map(fmt).join(', ')}`);
} finally {
  await store.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
