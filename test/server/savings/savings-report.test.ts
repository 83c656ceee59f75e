// The annual report of savings through the reports path: a year's savings by
// council and status against the goal, printed by the one printer and read
// back with MuPDF. The figures it must hold are worked out here from the
// savings recorded, by the goal's share of the baseline put in the hub; the
// page of the partnership and the form's refusals, on the same store.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { formatNumber } from '../../../src/domain/format/index.ts';
import { keptSavingsGoal } from '../../../src/ingest/savings-goal.ts';
import { importText } from '../../support/import.ts';
import { readPdf } from '../../support/pdf.ts';
import { DURHAM, openWorld, type World } from '../access/world.ts';

const goal = keptSavingsGoal();
const YEAR = goal.years[1]!;
const BASELINE = 398_760_000;
const pounds = (amount: number) => `£${formatNumber(amount, 0)}`;

const saving = (amount: number, fields: Record<string, unknown> = {}) => ({
  year: YEAR,
  amount,
  cashReleasing: true,
  lastsFullYears: 2,
  source: 'procurement',
  description: `Saving of ${amount}`,
  ...fields,
});

describe('the annual report of savings', () => {
  let world: World;
  const recorded = { durham: { estimated: 0, claimed: 0, evidenced: 0 }, hartlepool: { estimated: 0 } };
  before(async () => {
    world = await openWorld();
    await importText(
      world.store.sql,
      'baseline-metric.csv',
      `code,title,polarity,value_kind,period_kind,status\n${goal.baselineMetric},Net revenue expenditure,neutral,currency,financial_year,published\n`,
    );
    const values = await importText(world.store.sql, 'baseline.csv', `metric,area,period,value\n${goal.baselineMetric},${DURHAM},${goal.baselineYear},${BASELINE}\n`);
    await world.server.engine.batchLoaded(values.batchId);
    const officer = world.browsers.performance_officer;
    const made = [
      [officer, saving(2_345_678), 'durham', 'estimated'],
      [officer, saving(1_111_111, { status: 'claimed' }), 'durham', 'claimed'],
      [officer, saving(4_567_890, { status: 'evidenced', evidence: { kind: 'document', reference: 'Audited accounts' } }), 'durham', 'evidenced'],
      [officer, saving(999_999, { cashReleasing: false }), null, null],
      [world.browsers.hartlepoolOfficer, saving(765_432), 'hartlepool', 'estimated'],
    ] as const;
    for (const [who, body, council, status] of made) {
      const response = await who.json('POST', '/api/savings', body);
      assert.equal(response.status, 201);
      if (council === 'durham') recorded.durham[status] += body.amount;
      if (council === 'hartlepool') recorded.hartlepool.estimated += body.amount;
    }
  });
  after(() => world.close());

  it('prints each council’s savings by status against its target, and the totals', async () => {
    const response = await world.browsers.regional_partner.fetch(`/savings/report.pdf?year=${encodeURIComponent(YEAR)}`);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'application/pdf');
    const text = readPdf(new Uint8Array(await response.arrayBuffer())).text.join('\n');
    const target = Math.round(goal.share * BASELINE * 100) / 100;
    const { estimated, claimed, evidenced } = recorded.durham;
    for (const figure of [estimated, claimed, evidenced, target, recorded.hartlepool.estimated, estimated + recorded.hartlepool.estimated])
      assert.ok(text.includes(pounds(figure)), `${pounds(figure)} in the report`);
    assert.ok(text.includes(`${formatNumber((evidenced / target) * 100, 0)}%`), 'the evidenced share of the target');
    assert.ok(!text.includes(pounds(estimated + claimed + evidenced)), 'no sum that joins an estimate to what is evidenced');
    assert.ok(text.includes(pounds(999_999)) && text.includes('not cash-releasing'), 'the saving left out, with why');
    assert.match(text, /Hartlepool/);
    assert.match(text, new RegExp(`Efficiency savings ${YEAR.replace('/', '\\/')}`));
  });

  it('prints for a council officer their own council alone, and refuses a year the goal does not have', async () => {
    const response = await world.browsers.hartlepoolOfficer.fetch(`/savings/report.pdf?year=${encodeURIComponent(YEAR)}`);
    const text = readPdf(new Uint8Array(await response.arrayBuffer())).text.join('\n');
    assert.ok(text.includes(pounds(recorded.hartlepool.estimated)));
    assert.ok(!text.includes(pounds(recorded.durham.evidenced)));
    assert.equal((await world.browsers.regional_partner.fetch('/savings/report.pdf?year=2019%2F20')).status, 400);
    assert.equal((await world.browsers.public.fetch('/savings/report.pdf')).status, 303, 'the public is sent to sign in');
    const audited = await world.store.sql`select count(*)::int as n from audit_event where action = 'export' and record_kind = 'saving'`;
    assert.equal(audited[0]!.n, 2);
  });

  it('shows a refused form again with every field kept and each problem named', async () => {
    const officer = world.browsers.performance_officer;
    const page = await (await officer.fetch('/savings/new')).text();
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page)![1]!;
    const response = await officer.fetch('/savings/new', {
      method: 'POST',
      body: new URLSearchParams({
        _csrf: csrf,
        year: '2009',
        amount: '-250',
        cashReleasing: 'yes',
        lastsFullYears: '3',
        source: 'shared_service',
        description: 'Shared audit team',
        status: 'evidenced',
        evidenceKind: '',
      }),
    });
    assert.equal(response.status, 400);
    const html = await response.text();
    for (const words of ['Financial year: give a financial year', 'Amount a year: a saving is not negative', 'Evidence: a saving evidenced needs its evidence']) assert.ok(html.includes(words), words);
    for (const kept of ['value="2009"', 'value="-250"', 'Shared audit team', 'value="3"']) assert.ok(html.includes(kept), kept);
    assert.equal((await world.store.sql`select count(*)::int as n from saving where description = 'Shared audit team'`)[0]!.n, 0);
  });
});
