// A survey's judgements on the real app and store, as the API, the CSV and
// the page give them: the trend across the council's waves (another method
// left out with its reason) judged by the domain's waveTrend in words, and
// the comparison with the councils of its region by the domain's rule,
// from released results alone: a council whose record was corrected after
// release to one not comparable, and a figure with no survey behind it,
// left out, each with its reason; a result still held by its council never
// read.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import Papa from 'papaparse';
import { releaseDue } from '../../../src/store/releases.ts';
import { apiToken, bearer, Browser, organisation, user } from '../../support/access.ts';
import { importText } from '../../support/import.ts';
import { eventually } from '../../support/jobs.ts';
import { startTestServer, type TestServer } from '../../support/server.ts';
import { openTestStore, type TestStore } from '../../support/store.ts';
import { DURHAM, HARTLEPOOL, SURVEY, result, seedSurveyAreas } from './fixtures.ts';

const DARLINGTON = 'E06000005';
const STOCKTON = 'E06000004';
const REDCAR = 'E06000003';
const METRIC = 'residents-satisfied-with-council';

let store: TestStore;
let server: TestServer;
const tokens = new Map<string, string>();
const ids: Record<string, number> = {};

/** An unweighted survey of `council` whose fieldwork ended on `end`, 1,000 asked, `positive` of them very satisfied with the council. */
function survey(council: string, title: string, end: string, positive: number, changes: Record<string, unknown> = {}) {
  const record = { ...SURVEY, council, title, fieldworkStart: `${end.slice(0, 8)}01`, fieldworkEnd: end, achievedSample: 1000, weighting: { kind: 'none' }, ...changes };
  const results = {
    results: [result('satisfied-with-local-area', [500, 200, 100, 100, 100, 0], null), result('satisfied-with-council', [positive, 0, 0, 0, 1000 - positive, 0], null)],
    confirmed: true,
  };
  return { record, results };
}

async function ask(who: string | null, path: string, method = 'GET', body?: unknown) {
  const token = who === null ? undefined : tokens.get(who);
  return fetch(server.base + path, {
    method,
    headers: { ...(token ? bearer(token) : {}), 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

async function record(who: string, key: string, made: ReturnType<typeof survey>) {
  const answer = await ask(who, '/api/surveys', 'POST', made.record);
  assert.equal(answer.status, 201, await answer.clone().text());
  ids[key] = ((await answer.json()) as { id: number }).id;
  assert.equal((await ask(who, `/api/surveys/${ids[key]}/results`, 'POST', made.results)).status, 201);
}

before(async () => {
  store = await openTestStore();
  await seedSurveyAreas(store.sql);
  const areas = await importText(
    store.sql,
    'more-areas.csv',
    ['code,name,type,region_code', `${DARLINGTON},Darlington,unitary,E12000001`, `${STOCKTON},Stockton-on-Tees,unitary,E12000001`, `${REDCAR},Redcar and Cleveland,unitary,E12000001`].join('\n'),
  );
  assert.equal(areas.status, 'loaded', JSON.stringify(areas.rejections));
  for (const [key, code, name] of [
    ['durham', DURHAM, 'Durham County Council'],
    ['hartlepool', HARTLEPOOL, 'Hartlepool Borough Council'],
    ['darlington', DARLINGTON, 'Darlington Borough Council'],
    ['redcar', REDCAR, 'Redcar and Cleveland Council'],
  ] as const) {
    const home = await organisation(store.sql, name, 'council', code);
    tokens.set(key, await apiToken(store.sql, (await user(store.sql, `officer@${key}.example`, 'performance_officer', home.id)).id));
  }
  server = await startTestServer(store);
  await record('durham', 'durham2021', survey(DURHAM, 'Residents survey 2021', '2021-10-31', 450));
  await record('durham', 'durham2022', survey(DURHAM, 'Residents survey 2022', '2022-10-31', 500));
  await record('durham', 'durhamPostal', survey(DURHAM, 'Postal survey 2022', '2022-11-30', 700, { method: 'postal' }));
  await record('durham', 'durham2023', survey(DURHAM, 'Residents survey 2023', '2023-10-31', 600));
  await record('hartlepool', 'hartlepool', survey(HARTLEPOOL, 'Hartlepool residents survey', '2023-10-31', 520));
  await record('darlington', 'darlington', survey(DARLINGTON, 'Darlington residents survey', '2023-10-31', 300));
  // Redcar's result is confirmed but its rule keeps it private: it is never read for the comparison.
  await record('redcar', 'redcar', survey(REDCAR, 'Redcar residents survey', '2023-10-31', 100));
  assert.equal((await ask('redcar', `/api/releases/${REDCAR}/${METRIC}`, 'PUT', { kind: 'private' })).status, 200);
  // Stockton's figure came from a file: no survey record stands behind it.
  const file = await importText(store.sql, 'stockton.csv', `metric,area,period,value,lower_ci,upper_ci\n${METRIC},${STOCKTON},2023/24,80,77,83\n`);
  assert.equal(file.status, 'loaded', JSON.stringify(file.rejections));
  // Survey results are public a year after their financial year by default: every confirmed one is due now.
  await releaseDue(store.sql, new Date());
  await eventually('the index to hold the released results', () => {
    const slice = server.engine.index.metric(METRIC)?.slice('2023/24');
    return slice && slice.areas.length >= 4 ? true : undefined;
  });
  // Darlington's record is corrected after its result was released: its sample was an opt-in panel, so it can no longer fairly be compared.
  const darlington = survey(DARLINGTON, 'Darlington residents survey', '2023-10-31', 300, { sampling: 'opt_in_panel' }).record as Record<string, unknown>;
  delete darlington.council;
  const changed = await ask('darlington', `/api/surveys/${ids.darlington}`, 'PUT', { ...darlington, revision: 2 });
  assert.equal(changed.status, 200, await changed.text());
});
after(async () => {
  await server.close();
  await store.close();
});

interface Judged {
  results: {
    questionCode: string;
    comparableCouncils: { group: string; benchmark: number | null; significance: string; sentence: string; councils: { code: string }[]; leftOut: { code: string; reason: string }[] }[];
    trend: {
      waves: { surveyId: number; wave: number }[];
      leftOut: { surveyId: number; reason: string }[];
      direction: { judgement: string };
      recent: { judgement: string };
      words: Record<string, { headline: string; reason: string }>;
    };
  }[];
}

async function judged(id: number): Promise<Judged['results'][number]> {
  const answer = await ask('durham', `/api/surveys/${id}`);
  assert.equal(answer.status, 200);
  return ((await answer.json()) as Judged).results.find((r) => r.questionCode === 'satisfied-with-council')!;
}

describe("a survey's judgements", () => {
  it("judges the trend across the council's telephone surveys up to this one, leaving the postal survey out with its reason", async () => {
    const q = await judged(ids.durham2023!);
    assert.deepEqual(
      q.trend.waves.map((w) => [w.surveyId, w.wave]),
      [
        [ids.durham2021, 1],
        [ids.durham2022, 2],
        [ids.durham2023, 3],
      ],
    );
    assert.deepEqual(q.trend.leftOut, [{ surveyId: ids.durhamPostal, title: 'Postal survey 2022', reason: 'It was done by post, not by telephone.' }]);
    assert.equal(q.trend.direction.judgement, 'improving');
    assert.equal(q.trend.words.direction!.headline, 'Better than the wave before');
    assert.equal(q.trend.words.direction!.reason, '60% in Residents survey 2023 (95% interval 57% to 63%) against 50% in Residents survey 2022 (47% to 53%): the two intervals do not overlap.');
    assert.deepEqual([q.trend.recent.judgement, q.trend.words.recent!.reason], ['not_computed', 'A trend is tested over five waves in a row, and there are 3.']);
    const older = await judged(ids.durham2022!);
    assert.equal(older.trend.waves.length, 2, "an older survey's trend ends with it");
  });

  it('compares with the councils of the region by the domain rule: released results alone, those left out with their reasons', async () => {
    const q = await judged(ids.durham2023!);
    const region = q.comparableCouncils.find((c) => c.group === 'region')!;
    assert.deepEqual(
      region.councils.map((c) => c.code),
      [HARTLEPOOL],
    );
    assert.equal(region.benchmark, 52);
    assert.equal(region.significance, 'better');
    assert.equal(region.sentence, 'Better than comparable councils in North East.');
    assert.deepEqual(region.leftOut.map((l) => [l.code, l.reason]).sort(), [
      [STOCKTON, 'No survey record stands behind its figure, so whether it can fairly be compared is not known.'],
      [DARLINGTON, 'Not comparable: random sampling fails.'],
    ]);
    assert.ok(!JSON.stringify(q).includes(REDCAR), "Redcar's private result is never read");
  });

  it('gives the same judgements as CSV, to the council alone', async () => {
    const answer = await ask('durham', `/api/surveys/${ids.durham2023}/results.csv`);
    assert.equal(answer.status, 200);
    assert.match(answer.headers.get('content-type') ?? '', /^text\/csv/);
    const rows = Papa.parse<Record<string, string>>(await answer.text(), { header: true, skipEmptyLines: true }).data.filter((r) => r.question === 'satisfied-with-council');
    const line = (what: string, reference?: string) => rows.find((r) => r.line === what && (reference === undefined || (r.reference ?? '').includes(reference)));
    assert.equal(line('result')?.percent, '60');
    assert.equal(line('comparable_councils', 'North East')?.sentence, 'Better than comparable councils in North East.');
    assert.match(line('comparable_councils', 'North East')?.left_out ?? '', /Darlington \(E06000005\): Not comparable: random sampling fails\./);
    assert.equal(line('trend_latest_wave')?.verdict, 'improving');
    assert.match(line('trend_latest_wave')?.reason ?? '', /the two intervals do not overlap/);
    assert.match(line('trend_five_waves')?.left_out ?? '', /Postal survey 2022 \(survey \d+\): It was done by post/);
    assert.equal(rows.filter((r) => r.line === 'wave').length, 3);
    for (const who of ['hartlepool', null]) assert.equal((await ask(who, `/api/surveys/${ids.durham2023}/results.csv`)).status, 404, `${who ?? 'the public'} does not read it`);
    assert.equal((await ask('durham', '/api/surveys/999999/results.csv')).status, 404);
  });

  it('shows the verdicts in words on the page, with the chart of the waves and those left out', async () => {
    const browser = new Browser(server.base);
    assert.equal((await browser.signIn('officer@durham.example')).status, 303);
    const html = await (await browser.fetch(`/surveys/${ids.durham2023}`)).text();
    assert.match(html, /Better than the wave before\./);
    assert.match(html, /No trend tested yet\./);
    assert.match(html, /class="lantern-chart lantern-wave-chart"/);
    assert.match(html, /1 earlier survey left out of the trend, and why/);
    assert.match(html, /Better than comparable councils in North East\./);
    assert.match(html, /2 councils left out, and why/);
    assert.match(html, /Stockton-on-Tees<\/strong>: No survey record stands behind its figure/);
    assert.match(html, /href="\/api\/surveys\/\d+\/results\.csv"/);
  });
});
