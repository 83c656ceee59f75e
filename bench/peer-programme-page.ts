// The programme page's own work, beside the programme read it stands on:
// 400 councils (40 counties of 9 districts) with a corporate challenge a
// year for 15 years, their due dates, as bench/peer-challenge.ts loads them.
// Printed: the store's programme read (the reference; the page's target is
// 200 ms in all), then what the page adds to it, each run on the same read:
// the filters and rows as shown (programmeView), the page's HTML rendered
// (its first page of the councils needing attention, its default view, 25 at
// a time), and the CSV of every council, each with its ratio to the
// reference's p50.
//
// Usage: node --import tsx bench/peer-programme-page.ts [--runs 50]
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { CHALLENGE_KINDS } from '../src/domain/peer-challenge/index.ts';
import { programmeCsv } from '../src/reports/peer-programme-csv.ts';
import { KIND_CHOICES, KIND_LABELS, PROGRAMME_PAGE_SIZE, programmeAsk, programmeView, STAGE_CHOICES } from '../src/server/features/peer-challenges/programme.ts';
import { programme } from '../src/store/peer-programme.ts';
import { openStore } from '../src/store/store.ts';
import { render } from '../src/web/render.ts';
import { listPage } from '../src/web/views/list-pages.ts';
import { tempDir } from '../test/support/store.ts';
import { seedChallenges, seedCouncils } from './peer-programme-world.ts';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '50' } } });
const RUNS = Number(values.runs);
const TODAY = '2026-06-15';
const fmt = (ms: number) => ms.toLocaleString('en-GB', { maximumFractionDigits: 2 });

async function timed(work: () => unknown): Promise<number[]> {
  await work(); // once untimed: the template compiles on its first render
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b);
}

const at = (sorted: readonly number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function main(): Promise<void> {
  const dataDir = tempDir('lantern-bench-programme-');
  const store = await openStore({ dataDir, role: 'bench', maxConnections: 4 });
  try {
    await seedCouncils(store.sql);
    await seedChallenges(store.sql);
    await store.asOwner((owner) => owner`analyze`);
    const whole = await programme(store.sql, TODAY);
    const ask = programmeAsk({}, 'attention');
    const every = programmeAsk({}, 'all');
    const view = programmeView(whole, ask);
    console.log(`${whole.councils.length} councils in the programme, ${view.rows.length} needing attention shown, ${view.withoutChallenge.length} gaps`);
    const reference = await timed(() => programme(store.sql, TODAY));
    const refP50 = at(reference, 50);
    console.log(`reference, the store's programme read: p50 ${fmt(refP50)} ms, p99 ${fmt(at(reference, 99))} ms over ${RUNS} runs`);
    const page = (v: ReturnType<typeof programmeView>) =>
      render('peer-challenges/programme.njk', {
        view: v,
        listed: listPage(v.rows.length, 1, PROGRAMME_PAGE_SIZE, (n) => `/peer-challenges?page=${n}`),
        rows: v.rows.slice(0, PROGRAMME_PAGE_SIZE),
        ask,
        csvHref: '/peer-challenges/programme.csv?show=attention',
        switchTo: { attention: '/peer-challenges', all: '/peer-challenges?show=all' },
        kindChoices: KIND_CHOICES,
        stageChoices: STAGE_CHOICES,
        kindLabels: KIND_LABELS,
        counts: CHALLENGE_KINDS.map((kind) => ({ kind: KIND_LABELS[kind], ...v.counts[kind] })),
        mayOpen: true,
        user: null,
        csrfToken: '',
      });
    for (const [what, work] of [
      ['filters and rows (programmeView)', () => programmeView(whole, ask)],
      ['filters, rows and the first page rendered', () => page(programmeView(whole, ask))],
      ['filters, rows and the CSV of every council', () => programmeCsv(programmeView(whole, every).rows)],
    ] as const) {
      const times = await timed(work);
      console.log(`${what}: p50 ${fmt(at(times, 50))} ms, p99 ${fmt(at(times, 99))} ms; p50 at ${(at(times, 50) / refP50).toFixed(2)} of the reference's`);
    }
  } finally {
    await store.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
