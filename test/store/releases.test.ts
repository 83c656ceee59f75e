// Releasing in a real store: only confirmed values whose instant has passed
// are loaded into `observation`, as one batch, each once; a provisional
// value never is; the official statistic stands over a council's value,
// whichever comes first; and a council's rule is kept with its history.
// The values waiting for release are listed as they are held, superseded
// and released; the store itself refuses to record a value as released that
// is provisional, blank or superseded.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { parsePeriod, type Period } from '../../src/domain/period/index.ts';
import { currentHeldValues, holdValues, type HeldValueInput } from '../../src/store/held-values.ts';
import { comingReleases, releaseCalendar, releaseDue, releaseRulesOf, setReleaseRule } from '../../src/store/releases.ts';
import { importText, seedCatalogue } from '../support/import.ts';
import { openTestStore, type TestStore } from '../support/store.ts';

const DURHAM = 'E06000047';
const HARTLEPOOL = 'E06000001';

function periodOf(label: string): Period {
  const parsed = parsePeriod(label);
  if (parsed.kind !== 'ok') throw new Error(label);
  return parsed.period;
}

const visits = (area: string, period: string, value: number | null, more: Partial<HeldValueInput> = {}): HeldValueInput => ({
  metricCode: 'visits',
  areaCode: area,
  period: periodOf(period),
  value,
  provisional: false,
  origin: 'return',
  ...more,
});

async function observed(store: TestStore, area: string, period: string): Promise<number | null | undefined> {
  const [row] = await store.sql<{ value: number | null }[]>`
    select o.value from observation o join area a on a.id = o.area_id join metric m on m.id = o.metric_id
    where m.code = 'visits' and a.code = ${area} and o.period = ${period}`;
  return row?.value;
}

describe('releases in the store', () => {
  let store: TestStore;
  before(async () => {
    store = await openTestStore();
    await seedCatalogue(store.sql);
  });
  after(() => store.close());
  beforeEach(async () => {
    await store.sql`delete from held_value`;
    await store.sql`delete from release_rule`;
  });

  it('keeps returns private by default, and releases a confirmed value at its instant, once', async () => {
    const sql = store.sql;
    await sql.begin((tx) => holdValues(tx, [visits(DURHAM, '2023', 120), visits(DURHAM, '2024', 130, { provisional: true }), visits(DURHAM, '2022', null)], null));
    assert.deepEqual(await releaseDue(sql, new Date('2030-01-01T00:00:00Z')), { batchId: null, released: 0, loaded: 0, officialKept: 0, metrics: [] }, 'a return is private until the council says');

    await sql.begin((tx) => setReleaseRule(tx, DURHAM, 'visits', { kind: 'public_after_period', months: 3 }, null));
    assert.deepEqual(
      (await comingReleases(sql, new Date('2024-01-01T00:00:00Z'))).map((c) => [c.at.toISOString(), c.values]),
      [['2024-03-31T23:00:00.000Z', 1]],
      "only the confirmed value has an instant: London's midnight starting 1 April 2024, in BST",
    );
    assert.equal((await releaseDue(sql, new Date('2024-03-31T22:59:59Z'))).released, 0, 'a moment before its instant');
    const release = await releaseDue(sql, new Date('2024-03-31T23:00:00Z'));
    assert.equal(release.released, 1);
    assert.equal(release.loaded, 1);
    assert.deepEqual(release.metrics, ['visits']);
    assert.equal(await observed(store, DURHAM, '2023'), 120);
    assert.equal(await observed(store, DURHAM, '2024'), undefined, 'a provisional value is never released');
    assert.equal(await observed(store, DURHAM, '2022'), undefined, 'a period left blank is not a value to publish');
    assert.equal((await releaseDue(sql, new Date('2035-01-01T00:00:00Z'))).released, 0, 'each value is released once');

    const [batch] = await sql<{ status: string; inserted: number; source: string }[]>`select status, inserted, source from import_batch where id = ${release.batchId}`;
    assert.deepEqual(batch, { status: 'loaded', inserted: 1, source: "councils' own data" });
  });

  it("releases a council's correction over its earlier released value, keeping the earlier in history", async () => {
    const sql = store.sql;
    await sql.begin((tx) => setReleaseRule(tx, DURHAM, 'visits', { kind: 'public_after_period', months: 0 }, null));
    await sql.begin((tx) => holdValues(tx, [visits(DURHAM, '2021', 100)], null));
    await releaseDue(sql, new Date('2030-01-01T00:00:00Z'));
    await sql.begin((tx) => holdValues(tx, [visits(DURHAM, '2021', 104)], null));
    const release = await releaseDue(sql, new Date('2030-01-02T00:00:00Z'));
    assert.deepEqual([release.loaded, release.officialKept], [1, 0]);
    assert.equal(await observed(store, DURHAM, '2021'), 104);
    const history = await sql<{ value: number }[]>`select h.value from observation_history h join area a on a.id = h.area_id where a.code = ${DURHAM} and h.period = '2021'`;
    assert.deepEqual(
      history.map((h) => h.value),
      [100],
    );
  });

  it('never loads a released value over an official one, and an official value later replaces a released one', async () => {
    const sql = store.sql;
    const official = await importText(sql, 'official.csv', `metric,area,period,value\nvisits,${HARTLEPOOL},2019,500\n`);
    assert.equal(official.status, 'loaded');
    await sql.begin((tx) => setReleaseRule(tx, HARTLEPOOL, 'visits', { kind: 'public_from', instant: new Date('2029-06-01T08:00:00Z') }, null));
    await sql.begin((tx) => holdValues(tx, [visits(HARTLEPOOL, '2019', 480), visits(HARTLEPOOL, '2020', 490)], null));
    const release = await releaseDue(sql, new Date('2029-06-01T08:00:00Z'));
    assert.deepEqual([release.released, release.loaded, release.officialKept], [2, 1, 1]);
    assert.equal(await observed(store, HARTLEPOOL, '2019'), 500, 'the official statistic stands');
    assert.equal(await observed(store, HARTLEPOOL, '2020'), 490);

    const calendar = await releaseCalendar(sql, HARTLEPOOL, new Date('2029-06-02T00:00:00Z'));
    assert.deepEqual(
      calendar.map((e) => [e.period, e.releaseAt?.toISOString(), e.officialStands]),
      [
        ['2019', '2029-06-01T08:00:00.000Z', true],
        ['2020', '2029-06-01T08:00:00.000Z', false],
      ],
    );

    const later = await importText(sql, 'later.csv', `metric,area,period,value\nvisits,${HARTLEPOOL},2020,495\n`);
    assert.equal(later.revised, 1);
    assert.equal(await observed(store, HARTLEPOOL, '2020'), 495, 'the published series wins');
    const [early] = await sql<{ value: number }[]>`select h.value from observation_history h join area a on a.id = h.area_id where a.code = ${HARTLEPOOL} and h.period = '2020'`;
    assert.equal(early?.value, 490, 'the early value stays in history');
  });

  it('lists a confirmed value as waiting for release until it is superseded or released', async () => {
    const sql = store.sql;
    const waiting = async () =>
      (
        await sql<{ value: number | null; provisional: boolean }[]>`
          select h.value, h.provisional from held_pending q join held_value h on h.id = q.held_value_id
          join area a on a.id = h.area_id where a.code = ${DURHAM} order by h.period`
      ).map((r) => r.value);
    await sql.begin((tx) => holdValues(tx, [visits(DURHAM, '2021', 10), visits(DURHAM, '2022', 20, { provisional: true }), visits(DURHAM, '2023', null)], null));
    assert.deepEqual(await waiting(), [10], 'neither a provisional value nor a blank one waits');
    await sql.begin((tx) => holdValues(tx, [visits(DURHAM, '2021', 11), visits(DURHAM, '2022', 20)], null));
    assert.deepEqual(await waiting(), [11, 20], 'a correction waits in place of the value it supersedes, and a confirmed value joins');
    await sql.begin((tx) => holdValues(tx, [visits(DURHAM, '2022', 21, { provisional: true })], null));
    assert.deepEqual(await waiting(), [11], 'a confirmed value made provisional again no longer waits');

    await sql.begin((tx) => setReleaseRule(tx, DURHAM, 'visits', { kind: 'public_after_period', months: 0 }, null));
    const release = await releaseDue(sql, new Date('2030-01-01T00:00:00Z'));
    assert.equal(release.released, 1);
    assert.deepEqual(await waiting(), [], 'a released value no longer waits');
    const [recorded] = await sql<{ value: number; releasedAt: Date }[]>`
      select h.value, b.released_at as "releasedAt" from held_release x join held_value h on h.id = x.held_value_id
      join release_batch b on b.batch_id = x.batch_id where x.batch_id = ${release.batchId}`;
    assert.deepEqual(recorded, { value: 11, releasedAt: new Date('2030-01-01T00:00:00Z') });
    const [current] = await currentHeldValues(sql, DURHAM, ['visits']);
    assert.equal(current?.releasedAt?.toISOString(), '2030-01-01T00:00:00.000Z', "the held value reads as released at its batch's instant");
  });

  it('refuses to record as released a value that is provisional, blank or superseded, or with a batch not of observations', async () => {
    const sql = store.sql;
    await sql.begin((tx) => holdValues(tx, [visits(DURHAM, '2021', 10), visits(DURHAM, '2022', 20, { provisional: true }), visits(DURHAM, '2023', null)], null));
    await sql.begin((tx) => holdValues(tx, [visits(DURHAM, '2021', 12)], null));
    const ids = new Map(
      (
        await sql<{ id: number; period: string; current: boolean }[]>`
        select h.id::int as id, h.period, h.superseded_by is null as current from held_value h join area a on a.id = h.area_id where a.code = ${DURHAM}`
      ).map((r) => [`${r.period}${r.current ? '' : ' superseded'}`, r.id]),
    );
    const [batch] = await sql<{ id: number }[]>`
      insert into import_batch (kind, status, file_name, imported_by, skip_invalid) values ('observations', 'received', 'by hand', 'test', false) returning id`;
    const [areas] = await sql<{ id: number }[]>`
      insert into import_batch (kind, status, file_name, imported_by, skip_invalid) values ('areas', 'received', 'by hand', 'test', false) returning id`;
    for (const [what, id, batchId] of [
      ['provisional', ids.get('2022')!, batch!.id],
      ['blank', ids.get('2023')!, batch!.id],
      ['superseded', ids.get('2021 superseded')!, batch!.id],
      ['not held', 999_999_999, batch!.id],
      ['of a batch of areas', ids.get('2021')!, areas!.id],
    ] as const) {
      await assert.rejects(sql`insert into held_release (held_value_id, batch_id) values (${id}, ${batchId})`, (error: { code?: string }) => error.code === '23514', `a value ${what} is refused`);
    }
    await sql`insert into held_release (held_value_id, batch_id) values (${ids.get('2021')!}, ${batch!.id})`;
    await assert.rejects(sql`insert into held_release (held_value_id, batch_id) values (${ids.get('2021')!}, ${batch!.id})`, /duplicate key/, 'a value is released once');
    await assert.rejects(sql`delete from held_release`, /permission denied/, 'a release is never taken back');
  });

  it('keeps each rule a council set, the current one read back', async () => {
    const sql = store.sql;
    await sql.begin((tx) => setReleaseRule(tx, DURHAM, 'visits', { kind: 'private' }, null));
    await sql.begin((tx) => setReleaseRule(tx, DURHAM, 'visits', { kind: 'public_after_period', months: 12 }, null));
    const rules = await releaseRulesOf(sql, DURHAM);
    assert.deepEqual(rules.get('visits')?.rule, { kind: 'public_after_period', months: 12 });
    const [kept] = await sql<{ count: number }[]>`select count(*)::int as count from release_rule`;
    assert.equal(kept?.count, 2, 'the rule set before stays');
    assert.equal(await sql.begin((tx) => setReleaseRule(tx, 'E99999999', 'visits', { kind: 'private' }, null)), undefined);
  });
});
