// Held values in a real store: a council's own values are held with their
// history, entering the same value again changes nothing, entering another
// supersedes the current one and keeps it, a blank period keeps its note,
// and two keys never have two current values.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parsePeriod, type Period } from '../../src/domain/period/index.ts';
import { currentHeldValues, holdValues, type HeldValueInput } from '../../src/store/held-values.ts';
import { seedCatalogue } from '../support/import.ts';
import { openTestStore, type TestStore } from '../support/store.ts';

const DURHAM = 'E06000047';

function periodOf(label: string): Period {
  const parsed = parsePeriod(label);
  if (parsed.kind !== 'ok') throw new Error(label);
  return parsed.period;
}

const visits = (period: string, value: number | null, more: Partial<HeldValueInput> = {}): HeldValueInput => ({
  metricCode: 'visits',
  areaCode: DURHAM,
  period: periodOf(period),
  value,
  provisional: true,
  origin: 'return',
  ...more,
});

describe('held values', () => {
  let store: TestStore;
  before(async () => {
    store = await openTestStore();
    await seedCatalogue(store.sql);
  });
  after(() => store.close());

  it('holds values, supersedes a changed one and keeps it as history', async () => {
    const sql = store.sql;
    assert.equal(await sql.begin((tx) => holdValues(tx, [visits('2023', 120), visits('2024', null, { note: 'Library closed for refurbishment' })], null)), 2);
    assert.equal(await sql.begin((tx) => holdValues(tx, [visits('2023', 120)], null)), 0, 'the same value again changes nothing');
    assert.equal(await sql.begin((tx) => holdValues(tx, [visits('2023', 125, { provisional: false })], null)), 1);

    const current = await currentHeldValues(sql, DURHAM);
    assert.deepEqual(
      current.map((v) => [v.metricCode, v.period, v.value, v.provisional, v.note]),
      [
        ['visits', '2023', 125, false, null],
        ['visits', '2024', null, true, 'Library closed for refurbishment'],
      ],
    );
    const history = await sql<{ id: number; value: number; current: boolean }[]>`
      select h.id::int, h.value::float as value, h.superseded_by is null as current from held_value h join area a on a.id = h.area_id
      where a.code = ${DURHAM} and h.period = '2023' order by h.id desc`;
    assert.deepEqual(
      history.map((v) => [v.value, v.current]),
      [
        [125, true],
        [120, false],
      ],
    );
    const [old] = await sql<{ successor: number }[]>`select superseded_by::int as successor from held_value where value = 120`;
    assert.equal(old?.successor, history[0]!.id, 'the old row points at the row that replaced it');
  });

  it('refuses a second current value of one key, at commit', async () => {
    const sql = store.sql;
    await assert.rejects(
      sql.begin(async (tx) => {
        await tx`insert into held_value (metric_id, area_id, period, value, origin)
          select m.id, a.id, '2023', 1, 'return' from metric m, area a where m.code = 'visits' and a.code = ${DURHAM}`;
      }),
      /held_value_one_current/,
    );
    assert.equal((await currentHeldValues(sql, DURHAM, ['visits'])).length, 2);
  });
});
