// bench/cluster/jobs: how soon jobs act across servers, on an embedded
// store of its own (as the job tests set it up).
//   a. An embargo's end: two Lantern servers (each its pool, engine, page
//      cache and job runner) keep a public page without the figure; how long
//      after the instant each one's page, and API, shows it. Five ends.
//   b. A server killed mid-job: a runner in a child process takes a job and
//      is killed (SIGKILL) a second into it; how long until another server
//      starts the job again, with a queue expiry of 2 s and maintenance every
//      second (Lantern's own queues: expiry 30 s or more, maintenance 15 s).
//      Three kills.
// Usage: node --import tsx bench/cluster/jobs.ts
import { startLanternJobs } from '../../src/jobs/index.ts';
import { installJobRunner, startJobRunner } from '../../src/jobs/job-runner.ts';
import { administratorToken, bearer } from '../../test/support/access.ts';
import { importText, seedCatalogue } from '../../test/support/import.ts';
import { eventually, openSiblingStore, QUICK, startJobChild, STUCK } from '../../test/support/jobs.ts';
import { startTestServer } from '../../test/support/server.ts';
import { openTestStore } from '../../test/support/store.ts';

const EARLY = 'early-reserves';
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const store = await openTestStore();
const other = await openSiblingStore(store);
await seedCatalogue(store.sql);
await importText(store.sql, 'early-metric.csv', `code,title,polarity,value_kind,period_kind,status\n${EARLY},Reserves,higher_is_better,proportion,financial_year,early_sight\n`);
await importText(store.sql, 'early.csv', `metric,area,period,value\n${EARLY},E06000047,2024/25,12.5\n`);
const admin = bearer(await administratorToken(store.sql));
const servers = [];
for (const on of [store, other]) {
  const server = await startTestServer(on);
  servers.push({ server, jobs: await startLanternJobs(on, server.engine, { log: () => {} }) });
}

console.log("a. an embargo's end: ms after the instant until each server shows the figure (page kept in its cache; API)");
const page = (base: string) =>
  fetch(`${base}/areas/E06000047?group=region`)
    .then((r) => r.text())
    .then((t) => t.includes('12.5'));
const api = (base: string) => fetch(`${base}/api/benchmark/league-table?metric=${EARLY}`).then((r) => r.status === 200);
const pageDelays: number[] = [];
const apiDelays: number[] = [];
for (let run = 1; run <= 5; run++) {
  const end = new Date(Date.now() + 3000);
  await fetch(`${servers[0]!.server.base}/api/admin/early-sight/${EARLY}/embargo`, {
    method: 'PUT',
    headers: { ...admin, 'Content-Type': 'application/json' },
    body: JSON.stringify({ embargoUntil: end.toISOString() }),
  });
  for (const { server } of servers) await page(server.base);
  const line: string[] = [];
  await Promise.all(
    servers.map(async ({ server }, i) => {
      const seen = { page: NaN, api: NaN };
      await eventually(
        'the figure',
        async () => {
          if (Number.isNaN(seen.page) && (await page(server.base))) seen.page = Date.now() - end.getTime();
          if (Number.isNaN(seen.api) && (await api(server.base))) seen.api = Date.now() - end.getTime();
          return Number.isNaN(seen.page) || Number.isNaN(seen.api) ? undefined : true;
        },
        90,
      );
      pageDelays.push(seen.page);
      apiDelays.push(seen.api);
      line[i] = `server ${i + 1}: page ${seen.page} ms, API ${seen.api} ms`;
    }),
  );
  console.log(`   end ${run}: ${line.join('; ')}`);
}
console.log(`   median: page ${median(pageDelays)} ms, API ${median(apiDelays)} ms; worst page ${Math.max(...pageDelays)} ms`);
for (const { server, jobs } of servers) {
  await jobs.stop();
  await server.close();
}

console.log('b. a server killed mid-job: s from the kill until another server starts the job again (expiry 2 s, maintenance 1 s)');
await installJobRunner(store, [STUCK]);
const started: { id: string; at: number }[] = [];
const survivor = await startJobRunner(
  other,
  [
    {
      ...STUCK,
      run: async (_data, run) => {
        started.push({ id: run.id, at: Date.now() });
      },
    },
  ],
  { ...QUICK, log: () => {} },
);
await survivor.stop(); // started again after each kill, so that the child takes the job first
const retries: number[] = [];
for (let run = 1; run <= 3; run++) {
  const child = startJobChild(store);
  await child.line(/^ready/);
  const sender = await startJobRunner(other, [], { ...QUICK, log: () => {} });
  const id = (await sender.send(STUCK.queue, {}))!;
  await child.line(new RegExp(`^started ${id}`));
  await new Promise((resolve) => setTimeout(resolve, 1000));
  child.child.kill('SIGKILL');
  const killed = Date.now();
  const again = await startJobRunner(
    other,
    [
      {
        ...STUCK,
        run: async (_data, job) => {
          started.push({ id: job.id, at: Date.now() });
        },
      },
    ],
    { ...QUICK, log: () => {} },
  );
  const retry = await eventually('the retry', () => started.find((s) => s.id === id), 60);
  retries.push((retry.at - killed) / 1000);
  console.log(`   kill ${run}: started again after ${((retry.at - killed) / 1000).toFixed(2)} s`);
  await again.stop();
  await sender.stop();
}
console.log(`   median ${median(retries).toFixed(2)} s; bound: expiry 2 s + maintenance 1 s + retry delay 0 s + poll 0.5 s from the job's start (killed 1 s in)`);

await other.close();
await store.close();
