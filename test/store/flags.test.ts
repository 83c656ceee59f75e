// Flags in a real store: raised when a rule first finds them, changed (with
// the day) when their figures change, cleared and kept when the rule stops
// finding them, and left alone when a batch touched other metrics; two
// servers bringing the same metric up to date at once raise each flag once;
// acknowledgements are kept, and no one may change or delete them.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { acknowledgeFlag, acknowledgementsOf, flagsOf, openFlagsOn, syncFlags, type FlagLine } from '../../src/store/flags.ts';
import { seedCatalogue } from '../support/import.ts';
import { openTestStore, type TestStore } from '../support/store.ts';

const [HARTLEPOOL, DURHAM] = ['E06000001', 'E06000047'];
const [OBESITY, VISITS] = ['obesity', 'visits'];

function line(area: string, metric: string, value: number, more: Partial<FlagLine> = {}): FlagLine {
  return {
    area,
    rule: 'worse_and_worsening',
    ruleVersion: 1,
    metric,
    subject: '',
    period: '2022/23',
    figures: { value, benchmark: 21.4 },
    sentence: `${metric}: ${value}%, worse than England (21.4%)`,
    fingerprint: `worse_and_worsening@1|${metric}|2022/23|value=${value}`,
    ...more,
  };
}

describe('the flags store', () => {
  let store: TestStore;
  const day = (n: number) => new Date(Date.UTC(2023, 5, n, 9));

  before(async () => {
    store = await openTestStore();
    await seedCatalogue(store.sql);
  });
  after(() => store.close());

  it('raises, changes and clears the flags of the metrics brought up to date, and no others', async () => {
    const { sql } = store;
    assert.deepEqual(await syncFlags(sql, [OBESITY, VISITS], [line(HARTLEPOOL, OBESITY, 27.1), line(DURHAM, OBESITY, 25), line(HARTLEPOOL, VISITS, 19)], day(1)), {
      raised: 3,
      changed: 0,
      cleared: 0,
    });
    assert.deepEqual(await syncFlags(sql, [OBESITY], [line(HARTLEPOOL, OBESITY, 27.1), line(DURHAM, OBESITY, 25.5)], day(2)), { raised: 0, changed: 1, cleared: 0 });
    assert.deepEqual(await syncFlags(sql, [OBESITY], [line(DURHAM, OBESITY, 25.5)], day(3)), { raised: 0, changed: 0, cleared: 1 });

    const hartlepool = await flagsOf(sql, HARTLEPOOL, true);
    assert.deepEqual(
      hartlepool.map((f) => [f.metric, f.raisedAt.getUTCDate(), f.changedAt.getUTCDate(), f.clearedAt?.getUTCDate() ?? null]),
      [
        [VISITS, 1, 1, null],
        [OBESITY, 1, 1, 3],
      ],
      'the visits flag stays open: the last batch touched obesity only',
    );
    const [durham] = await flagsOf(sql, DURHAM);
    assert.deepEqual([durham!.figures, durham!.raisedAt.getUTCDate(), durham!.changedAt.getUTCDate()], [{ value: 25.5, benchmark: 21.4 }, 1, 2]);
    assert.deepEqual(
      (await openFlagsOn(sql, [OBESITY, VISITS])).map((f) => [f.area, f.metric]),
      [
        [HARTLEPOOL, VISITS],
        [DURHAM, OBESITY],
      ],
    );
  });

  it('keeps apart two targets off trajectory on one metric, by subject', async () => {
    const off = (target: string) => line(HARTLEPOOL, VISITS, 19, { rule: 'off_trajectory', subject: target, fingerprint: `off|${target}` });
    assert.deepEqual(await syncFlags(store.sql, [VISITS], [line(HARTLEPOOL, VISITS, 19), off('7'), off('8')], day(4)), { raised: 2, changed: 0, cleared: 0 });
  });

  it('refuses a flag on a metric not brought up to date, keeping nothing', async () => {
    await assert.rejects(syncFlags(store.sql, [OBESITY], [line(HARTLEPOOL, VISITS, 30)], day(5)), /a flag on visits is not among the metrics brought up to date/);
    assert.equal((await flagsOf(store.sql, HARTLEPOOL)).filter((f) => f.figures.value === 30).length, 0);
  });

  it('raises each flag once when two servers bring the same metric up to date at once', async () => {
    const found = [HARTLEPOOL, DURHAM].map((area) => line(area, VISITS, 1, { rule: 'in_year_special_cause', fingerprint: `spc|${area}` }));
    const both = await Promise.all([syncFlags(store.sql, [VISITS], found, day(6)), syncFlags(store.sql, [VISITS], found, day(6))]);
    assert.deepEqual(both.map((s) => s.raised).sort(), [0, 2]);
  });

  it('keeps acknowledgements, newest first, and refuses to change or delete them', async () => {
    await acknowledgeFlag(store.sql, HARTLEPOOL, 'print-1', 'Known: the weight management service starts in April', 'adviser@lga.example');
    await acknowledgeFlag(store.sql, HARTLEPOOL, 'print-2', 'Known: a data error, corrected in the next return', 'adviser@lga.example');
    assert.deepEqual(
      (await acknowledgementsOf(store.sql, HARTLEPOOL)).map((a) => a.fingerprint),
      ['print-2', 'print-1'],
    );
    await assert.rejects(store.sql`update flag_acknowledgement set reason = 'x'`, /permission denied/);
    await assert.rejects(store.sql`delete from flag_acknowledgement`, /permission denied/);
    await assert.rejects(acknowledgeFlag(store.sql, HARTLEPOOL, 'print-3', '   ', 'adviser@lga.example'), /flag_acknowledgement_reason_check/);
  });
});
