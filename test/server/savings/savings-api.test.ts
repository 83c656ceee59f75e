// Savings over HTTP on the real app and store: a council's officer records
// a saving and moves it on; a regional partner verifies it, named; every
// refusal names its field; each role reads, records and moves savings only
// as the policy says, with the same not-found answer for another council's
// saving as for an id that does not exist; and the council's totals against
// the goal come from the baseline in the hub, never mixing statuses.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { keptSavingsGoal } from '../../../src/ingest/savings-goal.ts';
import { importText } from '../../support/import.ts';
import { DURHAM, EVERYONE, HARTLEPOOL, openWorld, type Who, type World } from '../access/world.ts';

const goal = keptSavingsGoal();
const BASELINE = 412_345_000;
const SHARED_SERVICE = {
  year: '2009/10',
  amount: 1_250_000.5,
  cashReleasing: true,
  lastsFullYears: 3,
  source: 'shared_service',
  description: 'Shared revenues and benefits service with Hartlepool',
};

describe('savings over the API', () => {
  let world: World;
  let savingId: number;
  before(async () => {
    world = await openWorld();
    const metric = await importText(
      world.store.sql,
      'baseline-metric.csv',
      `code,title,polarity,value_kind,period_kind,status\n${goal.baselineMetric},Net revenue expenditure,neutral,currency,financial_year,published\n`,
    );
    assert.equal(metric.status, 'loaded', JSON.stringify(metric.rejections));
    const values = await importText(world.store.sql, 'baseline.csv', `metric,area,period,value\n${goal.baselineMetric},${DURHAM},${goal.baselineYear},${BASELINE}\n`);
    assert.equal(values.status, 'loaded', JSON.stringify(values.rejections));
    await world.server.engine.batchLoaded(values.batchId);
  });
  after(() => world.close());

  const as = (who: Who | 'hartlepoolOfficer') => world.browsers[who];
  const fieldsOf = async (response: Response) => ((await response.json()) as { details?: { problems?: { field: string }[] } }).details?.problems?.map((p) => p.field);

  it('records a saving of the officer’s own council, estimated', async () => {
    const response = await as('performance_officer').json('POST', '/api/savings', SHARED_SERVICE);
    const made = (await response.json()) as { id: number; councilCode: string; status: string; amount: number; revision: number };
    assert.equal(response.status, 201);
    assert.deepEqual([made.councilCode, made.status, made.amount], [DURHAM, 'estimated', 1_250_000.5]);
    savingId = made.id;
  });

  it('names each bad field and stores nothing: a negative saving, not a financial year, evidenced without evidence', async () => {
    const before = await world.store.sql`select count(*)::int as n from saving`;
    const response = await as('performance_officer').json('POST', '/api/savings', { ...SHARED_SERVICE, year: '2009', amount: -5, status: 'evidenced', source: 'luck', description: '' });
    assert.equal(response.status, 400);
    assert.deepEqual(await fieldsOf(response), ['year', 'amount', 'source', 'evidence', 'description']);
    const notNumber = await as('performance_officer').json('POST', '/api/savings', { ...SHARED_SERVICE, amount: 'a lot', lastsFullYears: 'two' });
    assert.deepEqual(await fieldsOf(notNumber), ['amount', 'lastsFullYears']);
    const verified = await as('performance_officer').json('POST', '/api/savings', { ...SHARED_SERVICE, status: 'verified', evidence: { kind: 'document', reference: 'Cabinet report' } });
    assert.deepEqual(await fieldsOf(verified), ['verifiedBy', 'status']);
    assert.deepEqual(await world.store.sql`select count(*)::int as n from saving`, before);
  });

  it('lets only the council’s officers and the regional partnership record savings', async () => {
    const expected: Partial<Record<Who | 'hartlepoolOfficer', number>> = {
      public: 401,
      author: 403,
      council_member: 403,
      principal_adviser: 403,
      panel_member: 403,
      government_officer: 403,
      inspector: 403,
      peer_challenge_manager: 403,
      administrator: 403,
      regional_partner: 201,
      hartlepoolOfficer: 404,
    };
    for (const [who, status] of Object.entries(expected)) {
      const response = await as(who as Who).json('POST', '/api/savings', { ...SHARED_SERVICE, council: DURHAM, amount: 10 });
      assert.equal(response.status, status, who);
    }
    const unnamed = await as('regional_partner').json('POST', '/api/savings', SHARED_SERVICE);
    assert.deepEqual([unnamed.status, await fieldsOf(unnamed)], [400, ['council']]);
  });

  it('shows a saving to its council and the regional partnership alone; the same 404 as for an id that does not exist', async () => {
    const readers = new Set<Who>(['performance_officer', 'council_member', 'regional_partner']);
    const missing = await (await as('regional_partner').fetch('/api/savings/99999999')).json();
    for (const who of [...EVERYONE, 'hartlepoolOfficer'] as const) {
      const response = await as(who).fetch(`/api/savings/${savingId}`);
      if (who === 'public') assert.equal(response.status, 401);
      else if (readers.has(who as Who)) assert.equal(response.status, 200, who);
      else {
        assert.equal(response.status, 404, who);
        const body = (await response.json()) as { message: string };
        assert.equal(body.message.replace(String(savingId), 'N'), (missing as { message: string }).message.replace('99999999', 'N'), who);
      }
    }
    for (const guess of [savingId + 1000, 0, -1]) assert.ok([400, 404].includes((await as('hartlepoolOfficer').fetch(`/api/savings/${guess}`)).status));
    assert.equal((await as('hartlepoolOfficer').json('POST', `/api/savings/${savingId}/status`, { status: 'claimed' })).status, 404);
    // the route's grant refuses those who may never change a saving before the id is read
    assert.equal((await as('administrator').json('POST', `/api/savings/${savingId}/status`, { status: 'claimed' })).status, 403);
    assert.equal((await as('council_member').json('POST', `/api/savings/${savingId}/status`, { status: 'claimed' })).status, 403);
  });

  it('moves a saving on, never back; evidence before evidenced; only a regional partner verifies, named', async () => {
    const move = (who: Who, body: unknown) => as(who).json('POST', `/api/savings/${savingId}/status`, body);
    assert.equal((await move('performance_officer', { status: 'claimed' })).status, 200);
    const bare = await move('performance_officer', { status: 'evidenced' });
    assert.deepEqual([bare.status, await fieldsOf(bare)], [400, ['evidence']]);
    const evidenced = await move('performance_officer', { status: 'evidenced', evidence: { kind: 'document', reference: 'Cabinet report, 12 May 2010, item 7' } });
    assert.equal(evidenced.status, 200);
    const back = await move('performance_officer', { status: 'claimed' });
    assert.deepEqual([back.status, await fieldsOf(back)], [400, ['status']]);
    assert.equal((await move('performance_officer', { status: 'verified' })).status, 403);
    const stale = await move('regional_partner', { status: 'verified', revision: 1 });
    assert.equal(stale.status, 409);
    assert.match(((await stale.json()) as { message: string }).message, /evidenced now/);
    const verified = (await (await move('regional_partner', { status: 'verified' })).json()) as { status: string; verifiedBy: string };
    assert.deepEqual([verified.status, verified.verifiedBy], ['verified', world.users.regional_partner.name]);
    const read = (await (await as('council_member').fetch(`/api/savings/${savingId}`)).json()) as { steps: { status: string }[] };
    assert.deepEqual(
      read.steps.map((s) => s.status),
      ['estimated', 'claimed', 'evidenced', 'verified'],
    );
  });

  it('sets the council’s savings against 3% of its baseline, evidenced apart from estimated', async () => {
    await as('performance_officer').json('POST', '/api/savings', { ...SHARED_SERVICE, amount: 300_000, description: 'Joint procurement of fleet', source: 'procurement' });
    await as('performance_officer').json('POST', '/api/savings', { ...SHARED_SERVICE, amount: 90_000, cashReleasing: false, description: 'Staff time released' });
    const response = await as('performance_officer').fetch(`/api/savings/councils/${DURHAM}`);
    const body = (await response.json()) as {
      baselineSpend: number;
      progress: { years: { year: string; kind: string; target: number; totals: { byStatus: Record<string, { amount: number }>; withEvidence: { amount: number } } }[]; notCounted: unknown[] };
    };
    assert.equal(body.baselineSpend, BASELINE);
    const year = body.progress.years.find((y) => y.year === '2009/10')!;
    const target = Math.round(goal.share * BASELINE * 100) / 100;
    assert.equal(year.target, target);
    // the verified saving with evidence; the regional partner's £10 and the procurement, estimated, apart; the staff time not counted
    assert.equal(year.totals.withEvidence.amount, SHARED_SERVICE.amount);
    assert.equal(year.totals.byStatus.estimated!.amount, 300_010);
    assert.equal(body.progress.notCounted.length, 1);
    const hartlepool = await as('hartlepoolOfficer').fetch(`/api/savings/councils/${DURHAM}`);
    assert.equal(hartlepool.status, 404);
    const page = await (await as('performance_officer').fetch(`/savings/councils/${DURHAM}`)).text();
    assert.match(
      page,
      /Each year's target is 3% of the baseline spend: £412,345,000, <a class="govuk-link" href="\/metrics\/net-revenue-expenditure\?period=2007%2F08">Net revenue expenditure<\/a>, 2007\/08\./,
    );
  });

  it('shows the partnership the councils each reader may see', async () => {
    await as('hartlepoolOfficer').json('POST', '/api/savings', { ...SHARED_SERVICE, amount: 55_000, description: 'Shared legal service' });
    const councilsOf = async (who: Who | 'hartlepoolOfficer') => {
      const response = await as(who).fetch('/api/savings/partnership');
      if (response.status !== 200) return response.status;
      return ((await response.json()) as { councils: { councilCode: string }[] }).councils.map((c) => c.councilCode).sort();
    };
    assert.deepEqual(await councilsOf('regional_partner'), [HARTLEPOOL, DURHAM].sort());
    assert.deepEqual(await councilsOf('performance_officer'), [DURHAM]);
    assert.deepEqual(await councilsOf('hartlepoolOfficer'), [HARTLEPOOL]);
    assert.deepEqual(await councilsOf('administrator'), []);
    assert.equal(await councilsOf('public'), 401);
  });
});
