// The agreements API on the real app and store, with API tokens: every new
// route asked by each kind of viewer (the holding council's officer and
// member, a partner council's officer, another council's officer, the
// government office, a principal adviser, an inspector, an administrator and
// the public), with an empty body so that those let through are stopped by
// the input check (400) and nothing changes; id-guessing answered 404 as a
// draft of another council is; a read-only token refused; CSV import all or
// nothing with line and column named; and the monitoring CSV.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Role } from '../../../src/domain/access/index.ts';
import { apiToken, bearer, organisation, user } from '../../support/access.ts';
import { importText, seedCatalogue } from '../../support/import.ts';
import { startTestServer, type TestServer } from '../../support/server.ts';
import { openTestStore, type TestStore } from '../../support/store.ts';
import { AGREEMENT, TARGET } from './fixtures.ts';

const DURHAM = 'E06000047';
const HARTLEPOOL = 'E06000001';
const ANGLESEY = 'W06000001';
const WHO = ['officer', 'member', 'partner', 'otherCouncil', 'government', 'adviser', 'inspector', 'administrator', 'public'] as const;
type Who = (typeof WHO)[number];

describe('the agreements API', () => {
  let store: TestStore;
  let server: TestServer;
  const tokens = new Map<Who, string>();
  let readOnly: string;
  let draft: { id: number; revision: number };
  let signed: { id: number };
  let targetId: number;

  before(async () => {
    store = await openTestStore();
    await seedCatalogue(store.sql);
    const durham = await organisation(store.sql, 'Durham County Council', 'council', DURHAM);
    const hartlepool = await organisation(store.sql, 'Hartlepool Borough Council', 'council', HARTLEPOOL);
    const anglesey = await organisation(store.sql, 'Isle of Anglesey County Council', 'council', ANGLESEY);
    const go = await organisation(store.sql, 'Government Office North East', 'government');
    const body = await organisation(store.sql, 'Sector body', 'sector_body');
    const inspectorate = await organisation(store.sql, 'Inspectorate', 'inspectorate');
    const people: [Who, Role, number][] = [
      ['officer', 'performance_officer', durham.id],
      ['member', 'council_member', durham.id],
      ['partner', 'performance_officer', hartlepool.id],
      ['otherCouncil', 'performance_officer', anglesey.id],
      ['government', 'government_officer', go.id],
      ['adviser', 'principal_adviser', body.id],
      ['inspector', 'inspector', inspectorate.id],
      ['administrator', 'administrator', body.id],
    ];
    for (const [who, role, org] of people) tokens.set(who, await apiToken(store.sql, (await user(store.sql, `${who}@tests.example`, role, org)).id));
    readOnly = await apiToken(store.sql, (await user(store.sql, 'reader@durham.example', 'performance_officer', durham.id)).id, ['read']);
    server = await startTestServer(store);
    const partners = [
      { kind: 'council', name: 'Durham County Council', organisation: durham.id },
      { kind: 'council', name: 'Hartlepool Borough Council', organisation: hartlepool.id },
    ];
    draft = await (await call('officer', 'POST', '/api/agreements', { ...AGREEMENT, title: 'Draft LAA', partners })).json();
    const target = await call('officer', 'POST', `/api/agreements/${draft.id}/targets`, { ...TARGET, leadPartner: 'Durham County Council', contributingPartners: [] });
    assert.equal(target.status, 201, await target.clone().text());
    targetId = ((await target.json()) as { id: number }).id;
    signed = await (await call('officer', 'POST', '/api/agreements', { ...AGREEMENT, title: 'Signed LAA', partners })).json();
    await call('officer', 'POST', `/api/agreements/${signed.id}/targets`, { ...TARGET, leadPartner: 'Durham County Council', contributingPartners: [] });
    const current = (await (await call('officer', 'GET', `/api/agreements/${signed.id}`)).json()) as { revision: number };
    assert.equal((await call('officer', 'POST', `/api/agreements/${signed.id}/sign-off`, { revision: current.revision })).status, 200);
  });
  after(async () => {
    await server?.close();
    await store?.close();
  });

  function call(who: Who, method: string, path: string, body?: unknown, token = tokens.get(who)): Promise<Response> {
    const headers: Record<string, string> = token ? bearer(token) : {};
    if (body !== undefined) headers['Content-Type'] = typeof body === 'string' ? 'text/csv' : 'application/json';
    return fetch(server.base + path, { method, headers, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) });
  }

  // Those who may change pass to the input check (400); roles that never change are refused by the route (403);
  // another council's officer is not told the draft exists (404); the public is asked to sign in (401).
  const changing: Readonly<Record<Who, number>> = {
    officer: 400,
    member: 403,
    partner: 400,
    otherCouncil: 404,
    government: 403,
    adviser: 403,
    inspector: 403,
    administrator: 403,
    public: 401,
  };
  const readingDraft: Readonly<Record<Who, number>> = {
    officer: 200,
    member: 200,
    partner: 200,
    otherCouncil: 404,
    government: 200,
    adviser: 200,
    inspector: 404,
    administrator: 404,
    public: 404,
  };
  const routes = (id: number) => [
    ['PUT', `/api/agreements/${id}`],
    ['POST', `/api/agreements/${id}/sign-off`],
    ['POST', `/api/agreements/${id}/refresh`],
    ['POST', `/api/agreements/${id}/targets`],
    ['PATCH', `/api/agreements/${id}/targets/${targetId}`],
    ['POST', `/api/agreements/${id}/targets/${targetId}/reviews`],
  ];

  for (const who of WHO) {
    it(`${who}: reads a draft ${readingDraft[who]}, changes it ${changing[who]} on every route, reads what was signed 200`, async () => {
      assert.equal((await call(who, 'GET', `/api/agreements/${draft.id}`)).status, readingDraft[who]);
      for (const [method, path] of routes(draft.id)) assert.equal((await call(who, method!, path!, {})).status, changing[who], `${method} ${path}`);
      assert.equal((await call(who, 'POST', `/api/agreements/${draft.id}/targets/import`, 'reference\n')).status, changing[who], 'import');
      assert.equal((await call(who, 'GET', `/api/agreements/${signed.id}`)).status, 200);
      const listed = ((await (await call(who, 'GET', '/api/agreements')).json()) as { items: { agreement: { id: number } }[] }).items.map((l) => l.agreement.id);
      assert.deepEqual(listed.sort(), readingDraft[who] === 200 ? [draft.id, signed.id].sort() : [signed.id]);
    });
  }

  it("answers a guessed id as it answers another council's draft, and tells another council why it may not change what was signed", async () => {
    const guessed = await call('otherCouncil', 'GET', '/api/agreements/987654');
    const hidden = await call('otherCouncil', 'GET', `/api/agreements/${draft.id}`);
    assert.deepEqual([guessed.status, hidden.status], [404, 404]);
    assert.equal(((await guessed.json()) as { code: string }).code, ((await hidden.json()) as { code: string }).code);
    const refused = await call('otherCouncil', 'PUT', `/api/agreements/${signed.id}`, {});
    assert.equal(refused.status, 403);
    assert.equal((await call('officer', 'PATCH', `/api/agreements/${draft.id}/targets/987654`, { revision: 1 })).status, 404);
  });

  it('reads a target by id or by reference, as the agreement is read', async () => {
    const byReference = await call('public', 'GET', `/api/agreements/${signed.id}/targets/NI%2056`);
    assert.equal(byReference.status, 200);
    const target = (await byReference.json()) as { id: number; reference: string; changes: unknown[]; reviews: unknown[] };
    assert.deepEqual([target.reference, target.changes, target.reviews], ['NI 56', [], []]);
    assert.equal((await call('public', 'GET', `/api/agreements/${signed.id}/targets/${target.id}`)).status, 200);
    assert.equal((await call('public', 'GET', `/api/agreements/${signed.id}/targets/NI%2099`)).status, 404);
    assert.equal((await call('otherCouncil', 'GET', `/api/agreements/${draft.id}/targets/${targetId}`)).status, 404);
    assert.equal((await call('government', 'GET', `/api/agreements/${draft.id}/targets/${targetId}`)).status, 200);
  });

  it('refuses a change with a read-only token, naming the scope', async () => {
    const response = await call('officer', 'PUT', `/api/agreements/${draft.id}`, {}, readOnly);
    assert.equal(response.status, 403);
    assert.match(((await response.json()) as { message: string }).message, /the 'change' scope/);
  });

  it('imports targets all or nothing, naming each bad line and column', async () => {
    const header = 'reference,metric,kind,baselinePeriod,baselineValue,targetPeriod,targetValue,leadPartner,rule,greenWithinPercent';
    const good = `${header}\nNI 8,visits,local,2008,100,2010,130,Durham County Council,relative,10\nNI 39,obesity,local,2007/08,25,2010/11,22,Hartlepool Borough Council,relative,5\n`;
    const bad = `${header}\nNI 9,visits,local,2008,100,2010,130,Durham County Council,relative,10\nNI 10,no-such-metric,local,2008,1,2010,2,Durham County Council,relative,10\nNI 11,visits,local,2008,100,2010,abc,Durham County Council,relative,10\n`;
    const agreement = (await (
      await call('officer', 'POST', '/api/agreements', {
        ...AGREEMENT,
        title: 'Imported LAA',
        partners: [
          { kind: 'council', name: 'Durham County Council' },
          { kind: 'council', name: 'Hartlepool Borough Council' },
        ],
      })
    ).json()) as { id: number };
    const refused = await call('officer', 'POST', `/api/agreements/${agreement.id}/targets/import?fileName=laa.csv`, bad);
    assert.equal(refused.status, 400);
    const answer = (await refused.json()) as { message: string; details: { problems: { field: string; line: number }[] } };
    assert.deepEqual(
      answer.details.problems.map((p) => [p.line, p.field]),
      [
        [3, 'metric'],
        [4, 'targetValue'],
      ],
    );
    assert.match(answer.message, /^laa\.csv: no targets imported: laa\.csv:3: column 'metric': no-such-metric is not a metric in the library; laa\.csv:4: column 'targetValue': must be a number/);
    assert.equal((await store.sql<{ n: number }[]>`select count(*)::int as n from target where agreement_id = ${agreement.id}`)[0]!.n, 0);
    const imported = await call('officer', 'POST', `/api/agreements/${agreement.id}/targets/import`, good);
    assert.equal(imported.status, 201, await imported.clone().text());
    assert.equal(((await imported.json()) as { imported: number }).imported, 2);
    const again = (await (await call('officer', 'POST', `/api/agreements/${agreement.id}/targets/import`, good)).json()) as { details: { problems: { field: string; line: number }[] } };
    assert.deepEqual(again.details.problems[0], { field: 'reference', line: 2, message: "targets.csv:2: column 'reference': agreement " + agreement.id + ' already has a target NI 8' });
  });

  it("rates each target from the hub's figures, the rule's words beside every rating, and counts it in monitoring", async () => {
    const loaded = await importText(store.sql, 'obesity.csv', `metric,area,period,value\nobesity,${DURHAM},2008/09,29.5\nobesity,${DURHAM},2009/10,28.1\n`);
    await server.engine.batchLoaded(loaded.batchId);
    const read = (await (await call('public', 'GET', `/api/agreements/${signed.id}`)).json()) as {
      targets: { ratings: { area: string; period: string; actual: number; expected: number; label: string; rating: { band?: string; rule: string } }[] }[];
    };
    const [rating] = read.targets[0]!.ratings;
    assert.deepEqual([rating?.area, rating?.period, rating?.actual, rating?.expected, rating?.rating.band, rating?.label], [DURHAM, '2009/10', 28.1, 28, 'green', 'Green']);
    assert.match(rating!.rating.rule, /10%/);
    const lines = ((await (await call('government', 'GET', '/api/agreements')).json()) as { items: { agreement: { id: number }; rag: { green: number } }[] }).items;
    assert.equal(lines.find((l) => l.agreement.id === signed.id)?.rag.green, 1);
  });

  it('writes the monitoring view as CSV, one line an agreement, for the government office', async () => {
    const response = await call('government', 'GET', '/api/agreements.csv?region=E12000001');
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/csv/);
    const lines = (await response.text()).trim().split('\r\n');
    assert.equal(
      lines[0],
      'agreement,title,council,status,version,targets,RAG Green,RAG Amber,RAG Red,RAG not rated,Likelihood Green,Likelihood Amber/Green,Likelihood Amber,Likelihood Amber/Red,Likelihood Red,Not reviewed',
    );
    assert.ok(lines.some((l) => l.startsWith(`${signed.id},Signed LAA,Durham County Council,Signed off,1,1,`)));
  });
});
