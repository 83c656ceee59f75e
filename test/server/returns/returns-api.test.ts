// Returns over HTTP on the real app and store: a council's performance
// officer defines a local metric, commits to a return, enters, uploads and
// confirms values; every refusal names its field (and a file's line); a
// return is read by its council alone until it is shared, the same not-found
// answer for another council's return and for an id that does not exist;
// and nothing entered reaches `observation`.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DURHAM, EVERYONE, HARTLEPOOL, openWorld, type Who, type World } from '../access/world.ts';

const MISSED_BINS = {
  title: 'Missed bin collections',
  definition: 'Collections reported missed in the month',
  unit: 'collections',
  polarity: 'lower_is_better',
  valueKind: 'count',
  periodKind: 'month',
};

describe('returns over the API', () => {
  let world: World;
  let returnId: number;
  let metricCode: string;
  before(async () => {
    world = await openWorld();
  });
  after(() => world.close());

  const as = (who: Who | 'hartlepoolOfficer') => world.browsers[who];
  const fieldsOf = async (response: Response) =>
    ((await response.json()) as { details?: { problems?: { field: string; line?: number }[] } }).details?.problems?.map((p) => (p.line ? `${p.line}:${p.field}` : p.field));

  it('lets a council officer define a local metric, its code made from the council and title', async () => {
    const response = await as('performance_officer').json('POST', '/api/returns/local-metrics', MISSED_BINS);
    const body = (await response.json()) as { code: string; status: string; ownerArea: string };
    assert.equal(response.status, 201);
    assert.deepEqual([body.code, body.status, body.ownerArea], ['local-e06000047-missed-bin-collections', 'local', DURHAM]);
    metricCode = body.code;
    assert.equal((await as('performance_officer').json('POST', '/api/returns/local-metrics', MISSED_BINS)).status, 409);
  });

  it('names each field of a local metric it refuses', async () => {
    const response = await as('performance_officer').json('POST', '/api/returns/local-metrics', { title: 'Fly-tipping', periodKind: 'week' });
    assert.equal(response.status, 400);
    assert.deepEqual(await fieldsOf(response), ['definition', 'polarity', 'valueKind', 'periodKind']);
  });

  it('refuses those who are not a council’s performance officers', async () => {
    assert.equal((await as('council_member').json('POST', '/api/returns/local-metrics', MISSED_BINS)).status, 403);
    assert.equal((await as('administrator').json('POST', '/api/returns/local-metrics', MISSED_BINS)).status, 403);
    assert.equal((await as('public').json('POST', '/api/returns/local-metrics', MISSED_BINS)).status, 401);
  });

  it('commits the council to a return, naming each field it refuses', async () => {
    const bad = await as('performance_officer').json('POST', '/api/returns', {
      metric: metricCode,
      periodKind: 'quarter',
      firstPeriod: '2025/26 Q1',
      dueRule: { kind: 'working_days_after', days: 0 },
    });
    assert.equal(bad.status, 400);
    assert.deepEqual(await fieldsOf(bad), ['periodKind', 'dueRule.days']);
    const response = await as('performance_officer').json('POST', '/api/returns', { metric: metricCode, firstPeriod: '2025-04' });
    const made = (await response.json()) as { id: number; periodKind: string; dueRule: unknown; synthetic: boolean };
    assert.equal(response.status, 201);
    assert.deepEqual([made.periodKind, made.dueRule, made.synthetic], ['month', { kind: 'working_days_after', days: 20 }, false]);
    returnId = made.id;
  });

  it('refuses another council’s local metric as a return of Hartlepool’s', async () => {
    const response = await as('hartlepoolOfficer').json('POST', '/api/returns', { metric: metricCode, firstPeriod: '2025-04' });
    assert.equal(response.status, 400);
    assert.deepEqual(await fieldsOf(response), ['metric']);
  });

  it('holds values as provisional, keeps each revision, and confirms them', async () => {
    const enter = (values: unknown[]) => as('performance_officer').json('PUT', `/api/returns/${returnId}/values`, { values });
    const refused = await enter([
      { period: '2025-04', value: '-3' },
      { period: '2025-05', value: '1.234' },
      { period: '2025/26 Q1', value: '2' },
    ]);
    assert.equal(refused.status, 400);
    assert.deepEqual(await fieldsOf(refused), ['values[0].value', 'values[1].value', 'values[2].period']);
    assert.equal(
      (
        await enter([
          { period: '2025-04', value: 412 },
          { period: '2025-05', value: '', note: 'New collection system: figures follow' },
        ])
      ).status,
      200,
    );
    assert.equal((await enter([{ period: '2025-04', value: '415.5' }])).status, 200);
    const confirmed = await as('performance_officer').json('POST', `/api/returns/${returnId}/confirm`, { periods: ['2025-04'] });
    assert.deepEqual(await confirmed.json(), { returnId, changed: 1 });

    const read = (await (await as('performance_officer').fetch(`/api/returns/${returnId}`)).json()) as {
      periods: { period: string; value: number | null; note: string | null; provisional: boolean; history: { value: number | null; provisional: boolean }[] }[];
      calendar: { period: string; state: string }[];
    };
    assert.deepEqual(
      read.periods.map((p) => [p.period, p.value, p.provisional, p.history.map((h) => [h.value, h.provisional])]),
      [
        [
          '2025-04',
          415.5,
          false,
          [
            [415.5, false],
            [415.5, true],
            [412, true],
          ],
        ],
        ['2025-05', null, true, [[null, true]]],
      ],
    );
    assert.deepEqual(
      read.calendar.slice(0, 3).map((e) => [e.period, e.state]),
      [
        ['2025-04', 'received'],
        ['2025-05', 'explained'],
        ['2025-06', 'overdue'],
      ],
    );
    const [held] = await world.store.sql<{ n: number }[]>`select count(*)::int as n from observation o join metric m on m.id = o.metric_id where m.code = ${metricCode}`;
    assert.equal(held!.n, 0, 'nothing entered reaches observation');
  });

  it('reads a return for its council alone: the same not-found answer for everyone else and for a guessed id', async () => {
    const expected: Partial<Record<Who, number>> = { performance_officer: 200, council_member: 200 };
    for (const who of EVERYONE) {
      const response = await as(who).fetch(`/api/returns/${returnId}`);
      assert.equal(response.status, expected[who] ?? 404, who);
    }
    const other = await as('hartlepoolOfficer').fetch(`/api/returns/${returnId}`);
    const guessed = await as('hartlepoolOfficer').fetch('/api/returns/99999');
    assert.equal(other.status, 404);
    assert.equal(((await other.json()) as { message: string }).message.replace(/\d+/, 'N'), ((await guessed.json()) as { message: string }).message.replace(/\d+/, 'N'));
    assert.equal((await as('performance_officer').fetch('/api/returns/abc')).status, 400);
  });

  it('refuses changes by anyone but the council’s officers', async () => {
    const values = { values: [{ period: '2025-04', value: 1 }] };
    assert.equal((await as('hartlepoolOfficer').json('PUT', `/api/returns/${returnId}/values`, values)).status, 404);
    assert.equal((await as('council_member').json('PUT', `/api/returns/${returnId}/values`, values)).status, 403);
    assert.equal((await as('regional_partner').json('POST', `/api/returns/${returnId}/confirm`, {})).status, 403);
  });

  it('opens a return to an organisation it is shared with, and its calendar across councils', async () => {
    await world.store.sql`
      insert into share (record_kind, record_id, subject_area, with_organisation_id, reason, shared_by)
      values ('council_return', ${String(returnId)}, ${DURHAM}, ${world.organisations.region.id}, 'Early sight for the region', ${world.users.performance_officer.id})`;
    assert.equal((await as('regional_partner').fetch(`/api/returns/${returnId}`)).status, 200);
    const calendar = async (who: Who | 'hartlepoolOfficer') =>
      ((await (await as(who).fetch(`/api/returns/calendar?metric=${metricCode}`)).json()) as { items: { areaCode: string }[] }).items.map((e) => e.areaCode);
    assert.ok((await calendar('regional_partner')).includes(DURHAM));
    assert.deepEqual(await calendar('hartlepoolOfficer'), []);
    assert.deepEqual(await calendar('government_officer'), []);
    assert.equal((await as('public').fetch(`/api/returns/calendar?council=${HARTLEPOOL}`)).status, 200);
  });

  it('holds a file of values all or nothing, naming each problem by line and column', async () => {
    const upload = (text: string) =>
      as('performance_officer').fetch('/api/returns/values/import?fileName=bins.csv', {
        method: 'POST',
        headers: { 'Content-Type': 'text/csv', 'X-CSRF-Token': as('performance_officer').csrfToken },
        body: text,
      });
    const bad = await upload(`metric,period,value,note\n${metricCode},2025-06,40,\n${metricCode},2025-07,-1,\nvisits,2025-07,3,\n${metricCode},2025-06,41,\n`);
    assert.equal(bad.status, 400);
    assert.deepEqual(await fieldsOf(bad), ['3:value', '4:metric', '5:period']);
    const before = (await world.store.sql<{ n: number }[]>`select count(*)::int as n from held_value where origin_id = ${returnId}`)[0]!.n;
    const good = await upload(`metric,period,value,note\n${metricCode},2025-06,40,\n${metricCode},2025-07,38.25,Strike on two days\n`);
    assert.equal(good.status, 201, await good.clone().text());
    assert.deepEqual(((await good.json()) as { imported: number }).imported, 2);
    const afterwards = (await world.store.sql<{ n: number }[]>`select count(*)::int as n from held_value where origin_id = ${returnId}`)[0]!.n;
    assert.equal(afterwards - before, 2);
    const unknown = await upload(`metric,period,amount\n${metricCode},2025-06,40\n`);
    assert.deepEqual(await fieldsOf(unknown), ['1:amount', '1:value']);
  });
});
