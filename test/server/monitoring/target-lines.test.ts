// Monitoring's views of targets on the real app and store: one metric's
// targets across areas (JSON, CSV and page), a council's targets off
// trajectory, and a partner's targets gathered across agreements. Problems
// come first (red, amber, green, then not rated); every rating carries the
// words of its rule; another council's draft never appears to those who may
// not read it, and a guessed id is answered as a hidden one is.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Role } from '../../../src/domain/access/index.ts';
import { apiToken, bearer, organisation, user } from '../../support/access.ts';
import { importText, seedCatalogue } from '../../support/import.ts';
import { startTestServer, type TestServer } from '../../support/server.ts';
import { openTestStore, type TestStore } from '../../support/store.ts';

const DURHAM = 'E06000047';
const HARTLEPOOL = 'E06000001';
const ANGLESEY = 'W06000001';
const WITHIN_TEN = { kind: 'relative', version: 1, greenWithinPercent: 10, amberWithinPercent: null, amberIfImproved: true };
const TIGHT = { kind: 'relative', version: 1, greenWithinPercent: 1, amberWithinPercent: 5, amberIfImproved: false };

type Who = 'durham' | 'hartlepool' | 'otherCouncil' | 'government' | 'public';

interface Line {
  agreement: { id: number; title: string };
  target: { id: number; reference: string; metric: string };
  area: { code: string; name: string };
  actual: number | null;
  expected: number | null;
  gap: number | null;
  label: string;
  rating: { band?: string; notRated?: string; rule: string };
  likelihood: { value: string; label: string } | null;
  role?: string;
}

describe('monitoring: targets by metric, off trajectory, by partner', () => {
  let store: TestStore;
  let server: TestServer;
  const tokens = new Map<Who, string>();
  let durhamPlan: { id: number; partners: { id: number; name: string }[] };
  let hartlepoolPlan: { id: number };
  let hartlepoolDraft: { id: number; partners: { id: number; name: string }[] };

  before(async () => {
    store = await openTestStore();
    await seedCatalogue(store.sql);
    const early = await importText(
      store.sql,
      'early.csv',
      'code,title,polarity,value_kind,period_kind,status\nwaits,Waits within 18 weeks (early sight),higher_is_better,count,calendar_year,early_sight',
    );
    assert.equal(early.status, 'loaded');
    const durham = await organisation(store.sql, 'Durham County Council', 'council', DURHAM);
    const hartlepool = await organisation(store.sql, 'Hartlepool Borough Council', 'council', HARTLEPOOL);
    const anglesey = await organisation(store.sql, 'Isle of Anglesey County Council', 'council', ANGLESEY);
    const go = await organisation(store.sql, 'Government Office North East', 'government');
    const people: [Who, Role, number][] = [
      ['durham', 'performance_officer', durham.id],
      ['hartlepool', 'performance_officer', hartlepool.id],
      ['otherCouncil', 'performance_officer', anglesey.id],
      ['government', 'government_officer', go.id],
    ];
    for (const [who, role, org] of people) tokens.set(who, await apiToken(store.sql, (await user(store.sql, `${who}@tests.example`, role, org)).id));
    server = await startTestServer(store);

    // Durham's plan: obesity led by the PCT with the council contributing (green), library visits led by the council (no data yet).
    durhamPlan = await made(
      await call('durham', 'POST', '/api/agreements', {
        kind: 'local_area_agreement',
        title: 'County Durham LAA',
        firstYear: '2008/09',
        lastYear: '2010/11',
        areas: [DURHAM],
        partners: [
          { kind: 'council', name: 'Durham County Council', organisation: durham.id },
          { kind: 'health', name: 'County Durham PCT' },
        ],
      }),
    );
    const obesity = await made(await call('durham', 'POST', `/api/agreements/${durhamPlan.id}/targets`, obesityTarget('NI 56', 27, 'County Durham PCT', ['Durham County Council'], WITHIN_TEN)));
    await made(
      await call('durham', 'POST', `/api/agreements/${durhamPlan.id}/targets`, {
        reference: 'NI 9',
        metric: 'visits',
        kind: 'local',
        baseline: { period: '2008', value: 100 },
        targetPeriod: '2010',
        targetValue: 130,
        leadPartner: 'Durham County Council',
        toleranceRule: WITHIN_TEN,
      }),
    );
    // On early-sight figures: Durham reads its own, the public nothing until they are released.
    await made(
      await call('durham', 'POST', `/api/agreements/${durhamPlan.id}/targets`, {
        reference: 'NI 99',
        metric: 'waits',
        kind: 'local',
        baseline: { period: '2008', value: 100 },
        targetPeriod: '2010',
        targetValue: 130,
        leadPartner: 'Durham County Council',
        toleranceRule: WITHIN_TEN,
      }),
    );
    const review = await call('durham', 'POST', `/api/agreements/${durhamPlan.id}/targets/${obesity.id}/reviews`, {
      reviewedOn: '2010-03-31',
      likelihood: 'amber_red',
      narrative: 'The weight management service closes in April.',
    });
    assert.equal(review.status, 201, await review.text());
    await signOff('durham', durhamPlan.id);

    // Hartlepool's plan, which Durham's council contributes to (red), and Hartlepool's draft (amber), read only by its partners and overseers.
    const hartlepoolPartners = [
      { kind: 'council', name: 'Hartlepool Borough Council', organisation: hartlepool.id },
      { kind: 'council', name: 'Durham County Council', organisation: durham.id },
    ];
    hartlepoolPlan = await made(await call('hartlepool', 'POST', '/api/agreements', { ...plan('Hartlepool LAA', HARTLEPOOL), partners: hartlepoolPartners }));
    await made(await call('hartlepool', 'POST', `/api/agreements/${hartlepoolPlan.id}/targets`, obesityTarget('NI 56', 20, 'Hartlepool Borough Council', ['Durham County Council'], WITHIN_TEN)));
    await signOff('hartlepool', hartlepoolPlan.id);
    hartlepoolDraft = await made(await call('hartlepool', 'POST', '/api/agreements', { ...plan('Hartlepool draft plan', HARTLEPOOL), partners: [hartlepoolPartners[0]] }));
    await made(await call('hartlepool', 'POST', `/api/agreements/${hartlepoolDraft.id}/targets`, obesityTarget('HP 1', 29, 'Hartlepool Borough Council', [], TIGHT)));

    const loaded = await importText(store.sql, 'obesity.csv', `metric,area,period,value\nobesity,${DURHAM},2008/09,29.5\nobesity,${DURHAM},2009/10,28.1\nobesity,${HARTLEPOOL},2009/10,29.9\n`);
    await server.engine.batchLoaded(loaded.batchId);
    const waits = await importText(store.sql, 'waits.csv', `metric,area,period,value\nwaits,${DURHAM},2009,90\n`);
    await server.engine.batchLoaded(waits.batchId);
  });
  after(async () => {
    await server?.close();
    await store?.close();
  });

  function call(who: Who, method: string, path: string, body?: unknown): Promise<Response> {
    const token = tokens.get(who);
    const headers: Record<string, string> = token ? bearer(token) : {};
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    return fetch(server.base + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  }

  async function signOff(who: Who, id: number): Promise<void> {
    const { revision } = (await (await call(who, 'GET', `/api/agreements/${id}`)).json()) as { revision: number };
    const signed = await call(who, 'POST', `/api/agreements/${id}/sign-off`, { revision });
    assert.equal(signed.status, 200, await signed.text());
  }

  async function lines(who: Who, path: string): Promise<Line[]> {
    const response = await call(who, 'GET', path);
    assert.equal(response.status, 200, await response.clone().text());
    return ((await response.json()) as { items: Line[] }).items;
  }

  it("lists one metric's targets across areas, red then amber then green, each rating with its rule's words", async () => {
    const found = await lines('government', '/api/agreements/metrics/obesity');
    assert.deepEqual(
      found.map((l) => [l.agreement.title, l.area.name, l.label]),
      [
        ['Hartlepool LAA', 'Hartlepool', 'Red'],
        ['Hartlepool draft plan', 'Hartlepool', 'Amber'],
        ['County Durham LAA', 'County Durham', 'Green'],
      ],
    );
    for (const line of found) assert.match(line.rating.rule, /within \d+%/, `${line.agreement.title}: the rule in words`);
    const [red, , green] = found;
    assert.deepEqual([red!.actual, red!.gap! < 0], [29.9, true], 'the actual, and the gap said as worse');
    assert.deepEqual([green!.actual, green!.expected, green!.likelihood?.label], [28.1, 28, 'Amber/Red']);
  });

  it("never shows another council's draft to those who may not read it", async () => {
    for (const who of ['public', 'otherCouncil', 'durham'] as const) {
      const titles = (await lines(who, '/api/agreements/metrics/obesity')).map((l) => l.agreement.title);
      assert.deepEqual(titles, ['Hartlepool LAA', 'County Durham LAA'], who);
    }
    assert.deepEqual(
      (await lines('hartlepool', '/api/agreements/metrics/obesity')).map((l) => l.label),
      ['Red', 'Amber', 'Green'],
    );
  });

  it('writes the metric view as CSV, line for line, with the rule beside each rating', async () => {
    const response = await call('public', 'GET', '/api/agreements/metrics/obesity.csv');
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/csv/);
    const [header, ...rows] = (await response.text()).trim().split('\r\n');
    assert.equal(
      header,
      'agreement,agreement_title,council,status,target,reference,metric,area,area_name,baseline_period,baseline,target_period,target_value,period,actual,expected,gap,rating,rule,likelihood,reviewed_on',
    );
    assert.equal(rows.length, 2);
    assert.match(
      rows[0]!,
      /^\d+,Hartlepool LAA,Hartlepool Borough Council,Signed off,\d+,NI 56,obesity,E06000001,Hartlepool,2007\/08,30,2010\/11,20,2009\/10,29.9,23.3,-6.6,Red,Green: on or within 10% of the trajectory; amber: more than 10% off but better than the same period last year; red: otherwise,,$/,
    );
    assert.match(rows[1]!, /County Durham LAA.*,2009\/10,28.1,28,-0.1,Green,.*,Amber\/Red,2010-03-31$/);
  });

  it('refuses a metric code that cannot be one, naming the field, and answers an unknown one 404', async () => {
    const bad = await call('public', 'GET', '/api/agreements/metrics/Not%20a%20code');
    assert.equal(bad.status, 400);
    assert.match(((await bad.json()) as { message: string }).message, /'code'/);
    assert.equal((await call('public', 'GET', '/api/agreements/metrics/no-such-metric')).status, 404);
    assert.deepEqual(await lines('public', '/api/agreements/metrics/visits').then((l) => l.map((x) => x.label)), ['No data yet']);
  });

  it("names a council's targets off trajectory, each with its rule and figures, only where the viewer may read them", async () => {
    const response = await call('government', 'GET', `/api/areas/${HARTLEPOOL}/off-trajectory`);
    assert.equal(response.status, 200);
    const body = (await response.json()) as {
      area: { name: string };
      items: { agreement: { title: string }; band: string; actual: number; expected: number; gap: number; rule: string; toleranceRule: { kind: string; version: number } }[];
    };
    assert.equal(body.area.name, 'Hartlepool');
    assert.deepEqual(
      body.items.map((i) => [i.agreement.title, i.band, i.actual, i.toleranceRule.kind, i.toleranceRule.version]),
      [
        ['Hartlepool LAA', 'red', 29.9, 'relative', 1],
        ['Hartlepool draft plan', 'amber', 29.9, 'relative', 1],
      ],
    );
    assert.match(body.items[1]!.rule, /^Green: on or within 1% of the trajectory; amber: more than 1% off but within 5%/);
    assert.ok(body.items.every((i) => typeof i.expected === 'number' && i.gap < 0));
    const publicItems = ((await (await call('public', 'GET', `/api/areas/${HARTLEPOOL}/off-trajectory`)).json()) as { items: { agreement: { title: string } }[] }).items;
    assert.deepEqual(
      publicItems.map((i) => i.agreement.title),
      ['Hartlepool LAA'],
    );
    assert.deepEqual(((await (await call('public', 'GET', `/api/areas/${DURHAM}/off-trajectory`)).json()) as { items: unknown[] }).items, [], 'green and not rated say nothing');
    const csv = await call('government', 'GET', `/api/areas/${HARTLEPOOL}/off-trajectory.csv`);
    assert.match(csv.headers.get('content-type') ?? '', /^text\/csv/);
    const [header, ...rows] = (await csv.text()).trim().split('\r\n');
    assert.equal(header, 'area,area_name,agreement,agreement_title,target,reference,metric,title,rating,period,actual,expected,gap,rule,rule_kind,rule_version');
    assert.deepEqual(
      rows.map((r) => r.split(',').slice(8, 11)),
      [
        ['Red', '2009/10', '29.9'],
        ['Amber', '2009/10', '29.9'],
      ],
    );
    assert.ok(rows.every((r) => r.endsWith(',relative,1')));
    assert.match(rows[0]!, /,29\.9,23\.3,-6\.6,/, "figures in the metric's decimals");
  });

  it('refuses an area code that cannot be one, naming the field, and answers an unknown one 404', async () => {
    const bad = await call('public', 'GET', '/api/areas/durham/off-trajectory');
    assert.equal(bad.status, 400);
    assert.match(((await bad.json()) as { message: string }).message, /'code'/);
    assert.equal((await call('public', 'GET', '/api/areas/E06999999/off-trajectory')).status, 404);
  });

  it('leaves out figures under embargo for those who may not read them yet, and audits the council reading its own', async () => {
    assert.deepEqual(await lines('public', '/api/agreements/metrics/waits'), []);
    assert.deepEqual(await lines('otherCouncil', '/api/agreements/metrics/waits'), []);
    assert.deepEqual(
      (await lines('durham', '/api/agreements/metrics/waits')).map((l) => [l.target.reference, l.actual, l.label]),
      [['NI 99', 90, 'Red']],
    );
    const read = await store.sql<{ n: number }[]>`select count(*)::int as n from audit_event where record_kind = 'observation' and record_id = ${`waits/${DURHAM}`}`;
    assert.ok(read[0]!.n >= 1, 'the reading of early-sight figures is in the audit trail');
    const offTrack = async (who: Who) =>
      ((await (await call(who, 'GET', `/api/areas/${DURHAM}/off-trajectory`)).json()) as { items: { target: { reference: string } }[] }).items.map((i) => i.target.reference);
    assert.deepEqual(await offTrack('durham'), ['NI 99']);
    assert.deepEqual(await offTrack('public'), []);
    const counted = async (who: Who) =>
      ((await (await call(who, 'GET', '/api/agreements')).json()) as { items: { agreement: { id: number }; rag: Record<string, number> }[] }).items.find((l) => l.agreement.id === durhamPlan.id)!.rag;
    assert.deepEqual(await counted('durham'), { green: 1, amber: 0, red: 1, not_rated: 1 });
    assert.deepEqual(await counted('public'), { green: 1, amber: 0, red: 0, not_rated: 2 }, 'the embargoed rating is not counted');
    assert.doesNotMatch(await (await fetch(`${server.base}/agreements`)).text(), /metrics\/waits">[^<]*<\/a><\/td>\s*<td[^>]*>1</, 'nor counted by measure');
  });

  it("gathers a partner's targets across agreements, led and contributed to, problems first", async () => {
    const council = durhamPlan.partners.find((p) => p.name === 'Durham County Council')!;
    const response = await call('public', 'GET', `/api/agreements/partners/${council.id}`);
    assert.equal(response.status, 200);
    const body = (await response.json()) as { partner: { name: string; agreements: { title: string }[] }; items: Line[] };
    assert.equal(body.partner.name, 'Durham County Council');
    assert.deepEqual(body.partner.agreements.map((a) => a.title).sort(), ['County Durham LAA', 'Hartlepool LAA']);
    assert.deepEqual(
      body.items.map((l) => [l.agreement.title, l.target.reference, l.role, l.label]),
      [
        ['Hartlepool LAA', 'NI 56', 'contributing', 'Red'],
        ['County Durham LAA', 'NI 56', 'contributing', 'Green'],
        ['County Durham LAA', 'NI 9', 'lead', 'No data yet'],
      ],
    );
    assert.ok(body.items.every((l) => l.rating.rule.length > 0));
    const pct = durhamPlan.partners.find((p) => p.name === 'County Durham PCT')!;
    const led = ((await (await call('public', 'GET', `/api/agreements/partners/${pct.id}`)).json()) as { items: Line[] }).items;
    assert.deepEqual(
      led.map((l) => [l.target.reference, l.role]),
      [['NI 56', 'lead']],
    );
  });

  it("answers a partner of another council's draft as it answers a guessed id", async () => {
    const hidden = hartlepoolDraft.partners[0]!.id;
    const [draft, guessed] = [await call('otherCouncil', 'GET', `/api/agreements/partners/${hidden}`), await call('otherCouncil', 'GET', '/api/agreements/partners/987654')];
    assert.deepEqual([draft.status, guessed.status], [404, 404]);
    assert.equal(((await draft.json()) as { code: string }).code, ((await guessed.json()) as { code: string }).code);
    assert.equal((await call('government', 'GET', `/api/agreements/partners/${hidden}`)).status, 200);
    assert.equal((await call('public', 'GET', '/api/agreements/partners/abc')).status, 400);
  });

  it("rates an agreement's early-sight figures, and charts them, only for those who may read them yet", async () => {
    type Shown = { targets: { id: number; reference: string; ratings: { area: string; actual?: number | null; label: string }[] }[] };
    const ratingsOf = async (who: Who) => {
      const shown = (await (await call(who, 'GET', `/api/agreements/${durhamPlan.id}`)).json()) as Shown;
      return shown.targets.find((t) => t.reference === 'NI 99')!;
    };
    const own = await ratingsOf('durham');
    assert.deepEqual(
      own.ratings.map((r) => [r.area, r.actual, r.label]),
      [[DURHAM, 90, 'Red']],
    );
    assert.deepEqual((await ratingsOf('public')).ratings, [], 'the public reads the target, not yet its rating');
    assert.deepEqual((await ratingsOf('otherCouncil')).ratings, []);
    const one = (await (await call('public', 'GET', `/api/agreements/${durhamPlan.id}/targets/${own.id}`)).json()) as { ratings: unknown[] };
    assert.deepEqual(one.ratings, []);
    const page = await (await fetch(`${server.base}/agreements/${durhamPlan.id}/targets/${own.id}`)).text();
    assert.doesNotMatch(page, /against the trajectory<\/|>90<|Red/, 'no chart, figure or band of figures under embargo');
    assert.match(page, /Not rated yet/);
  });

  it('shows the metric and partner pages with every rating beside its rule, and 404 for what is not there', async () => {
    const page = await (await fetch(`${server.base}/agreements/metrics/obesity`)).text();
    assert.match(page, /<h1 class="govuk-heading-l">Adults classified as obese<\/h1>/);
    assert.equal(page.match(/class="govuk-tag /g)?.length, 2, 'two lines the public may read, each with its tag');
    assert.equal(page.match(/Rule: Green: on or within 10%/g)?.length, 2, 'each with its rule');
    assert.ok(page.indexOf('Hartlepool LAA') < page.indexOf('County Durham LAA'), 'red first');
    assert.doesNotMatch(page, /Hartlepool draft plan/);
    const council = durhamPlan.partners.find((p) => p.name === 'Durham County Council')!;
    const read = (await (await call('public', 'GET', `/api/agreements/${durhamPlan.id}`)).json()) as { targets: { id: number; metric: string }[] };
    const onObesity = read.targets.find((t) => t.metric === 'obesity')!;
    const targetPage = await (await fetch(`${server.base}/agreements/${durhamPlan.id}/targets/${onObesity.id}`)).text();
    assert.match(targetPage, /<a class="govuk-link" href="\/agreements\/metrics\/obesity">Every area's targets on this measure<\/a>/, 'a target leads to its measure across areas');
    const agreementPage = await (await fetch(`${server.base}/agreements/${durhamPlan.id}`)).text();
    assert.match(agreementPage, new RegExp(`<a class="govuk-link" href="/agreements/partners/${council.id}">Durham County Council</a>`), "the agreement's partners lead to their pages");
    const partnerPage = await fetch(`${server.base}/agreements/partners/${council.id}`);
    assert.equal(partnerPage.status, 200);
    assert.match(await partnerPage.text(), /Contributes[\s\S]*Rule: Green: on or within 10%/);
    assert.equal((await fetch(`${server.base}/agreements/metrics/no-such-metric`)).status, 404);
    const monitoring = await (await fetch(`${server.base}/agreements`)).text();
    const byMetric = monitoring.slice(monitoring.indexOf('id="metrics"'));
    assert.match(
      byMetric,
      /<a class="govuk-link" href="\/agreements\/metrics\/obesity">Adults classified as obese<\/a><\/td>\s*<td[^>]*>1<\/td>\s*<td[^>]*>0<\/td>\s*<td[^>]*>1<\/td>/,
      'one red, no amber, one green',
    );
    assert.ok(byMetric.indexOf('/agreements/metrics/obesity') < byMetric.indexOf('/agreements/metrics/visits'), 'most red first');
    const hartlepoolOnly = await (await fetch(`${server.base}/agreements?area=${HARTLEPOOL}`)).text();
    assert.doesNotMatch(hartlepoolOnly.slice(hartlepoolOnly.indexOf('id="metrics"')), /metrics\/visits/, "an area's page counts only its own agreements' targets");
    assert.equal((await fetch(`${server.base}/agreements/partners/${hartlepoolDraft.partners[0]!.id}`)).status, 404);
  });
});

function plan(title: string, area: string) {
  return { kind: 'local_area_agreement', title, firstYear: '2008/09', lastYear: '2010/11', areas: [area] };
}

function obesityTarget(reference: string, targetValue: number, leadPartner: string, contributingPartners: string[], toleranceRule: object) {
  return { reference, metric: 'obesity', kind: 'designated', baseline: { period: '2007/08', value: 30 }, targetPeriod: '2010/11', targetValue, leadPartner, contributingPartners, toleranceRule };
}

async function made<T>(response: Response): Promise<T & { id: number }> {
  const body = (await response.json()) as T & { id: number };
  assert.equal(response.status, 201, JSON.stringify(body));
  return body;
}
