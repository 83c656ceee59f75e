// Flags in a real store: raised when a rule first finds them, changed (with
// the day) when their figures change, cleared and kept when the rule stops
// finding them, and left alone when a batch touched other metrics; two
// servers bringing the same metric up to date at once raise each flag once;
// acknowledgements are kept, and no one may change or delete them; the risk
// view's reads give a council's, a patch's and England's open flags, each
// muted while an acknowledgement of exactly what it reads stands. A server
// that remembers the open flags from its last sync of many metrics finds
// another server's changes all the same.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fingerprintOf, flagOf, RULES, withMuting, type Flag } from '../../src/domain/early-warning/index.ts';
import {
  acknowledgeFlag,
  acknowledgementsOf,
  flagsOf,
  openFlagsInEngland,
  openFlagsOfCouncil,
  openFlagsOfCouncils,
  openFlagsOn,
  syncFlags,
  type FlagLine,
  type FlagPart,
} from '../../src/store/flags.ts';
import { seedCatalogue } from '../support/import.ts';
import { openSiblingStore } from '../support/jobs.ts';
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

  it('keeps a sentence and figures that hold the control characters its columns are sent apart by, and an empty subject, as they were', async () => {
    const odd = (value: number, sentence: string) => line(DURHAM, VISITS, value, { sentence, figures: { value, note: 'a\x1fb\x1ec', empty: '' }, fingerprint: `odd|${value}` });
    await syncFlags(store.sql, [VISITS], [odd(41, 'raised\x1fwith\x1eboth')], day(4));
    const [raised] = (await flagsOf(store.sql, DURHAM)).filter((f) => f.metric === VISITS);
    assert.deepEqual([raised!.sentence, raised!.figures, raised!.subject], ['raised\x1fwith\x1eboth', { value: 41, note: 'a\x1fb\x1ec', empty: '' }, '']);
    assert.deepEqual(await syncFlags(store.sql, [VISITS], [odd(42, 'changed\x1e')], day(5)), { raised: 0, changed: 1, cleared: 0 });
    const [changed] = (await flagsOf(store.sql, DURHAM)).filter((f) => f.metric === VISITS);
    assert.deepEqual([changed!.sentence, changed!.figures], ['changed\x1e', { value: 42, note: 'a\x1fb\x1ec', empty: '' }]);
    assert.deepEqual(await syncFlags(store.sql, [VISITS], [], day(6)), { raised: 0, changed: 0, cleared: 1 });
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

  it("checks each flag's council and metric against the catalogue, and keeps a council or metric that flags name from going", async () => {
    const { sql } = store;
    const [flagged, unflagged] = ['E06000901', 'E06000902'];
    await sql`insert into area (code, name, type) values (${flagged}, 'Flagged', 'unitary'), (${unflagged}, 'Unflagged', 'unitary')`;
    await sql`insert into metric (code, title, polarity, value_kind, period_kind) values ('flagged-metric', 'Flagged', 'lower_is_better', 'rate', 'financial_year'), ('unflagged-metric', 'Unflagged', 'lower_is_better', 'rate', 'financial_year')`;
    await syncFlags(sql, ['flagged-metric'], [line(flagged, 'flagged-metric', 31)], day(7));
    const before = await flagsOf(sql, flagged);

    await assert.rejects(syncFlags(sql, [OBESITY], [line('E06999998', OBESITY, 31)], day(8)), { code: '23503', message: 'a flag names a council that is not in the catalogue' });
    await assert.rejects(syncFlags(sql, ['no-such-metric'], [line(HARTLEPOOL, 'no-such-metric', 31)], day(8)), { code: '23503', message: 'a flag names a metric that is not in the catalogue' });
    await assert.rejects(sql`update flag set area_code = ${HARTLEPOOL} where area_code = ${flagged}`, { code: '23000', message: "a flag's council and metric are never changed" });
    await assert.rejects(sql`update flag set metric_code = ${OBESITY} where area_code = ${flagged}`, { code: '23000' });
    await assert.rejects(sql`delete from area where code = ${flagged}`, { code: '23503', message: `area ${flagged} is named by early-warning flags and cannot go` });
    await assert.rejects(sql`update area set code = 'E06000903' where code = ${flagged}`, { code: '23503' });
    await assert.rejects(sql`delete from metric where code = 'flagged-metric'`, { code: '23503', message: 'metric flagged-metric is named by early-warning flags and cannot go' });
    await assert.rejects(sql`update metric set code = 'renamed-metric' where code = 'flagged-metric'`, { code: '23503' });
    assert.deepEqual(await flagsOf(sql, flagged), before, 'the flag is as it was');

    // Cleared, a flag is still kept, and still names them.
    await syncFlags(sql, ['flagged-metric'], [], day(9));
    await assert.rejects(sql`delete from area where code = ${flagged}`, { code: '23503' });
    // What no flag names may go, and a change that keeps every code passes.
    await sql`update area set name = 'Flagged still' where code = ${flagged}`;
    await sql`delete from area where code = ${unflagged}`;
    await sql`delete from metric where code = 'unflagged-metric'`;
    assert.equal((await sql`select 1 from area where code = ${unflagged}`).length, 0);
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

describe("the risk view's reads of open flags", () => {
  let store: TestStore;
  const [SUNDERLAND, GATESHEAD] = ['E08000024', 'E08000037'];
  const day = (n: number) => new Date(Date.UTC(2024, 0, n, 9));
  const found = (area: string, value: number): Flag => flagOf(RULES.worse_and_worsening, area, OBESITY, '2022/23', { value, benchmark: 21.4 });
  const lineOf = (flag: Flag): FlagLine => ({ ...line(flag.area, OBESITY, Number(flag.values.value)), figures: flag.values, fingerprint: fingerprintOf(flag) });

  before(async () => {
    store = await openTestStore();
    await seedCatalogue(store.sql);
  });
  after(() => store.close());

  it('mutes a flag while its acknowledgement stands, as withMuting does, and unmutes it when its figures change', async () => {
    const { sql } = store;
    const flags = [found(HARTLEPOOL, 27.1), found(DURHAM, 25)];
    await syncFlags(sql, [OBESITY], flags.map(lineOf), day(1));
    await acknowledgeFlag(sql, HARTLEPOOL, fingerprintOf(flags[0]!), 'Known: a weight management service starts in April', 'adviser@lga.example');

    const [hartlepool] = await openFlagsOfCouncil(sql, HARTLEPOOL);
    assert.equal(hartlepool!.muted?.reason, 'Known: a weight management service starts in April');
    assert.equal(hartlepool!.muted?.by, 'adviser@lga.example');
    assert.deepEqual(
      withMuting(flags, await acknowledgementsOf(sql, HARTLEPOOL).then((acks) => acks.map((a) => ({ ...a, on: a.on.toISOString() })))).map((f) => f.muted !== null),
      [true, false],
      "the store's muting is the domain's",
    );
    assert.equal((await openFlagsOfCouncil(sql, DURHAM))[0]!.muted, null);

    await syncFlags(sql, [OBESITY], [found(HARTLEPOOL, 28.3), flags[1]!].map(lineOf), day(2));
    const [changed] = await openFlagsOfCouncil(sql, HARTLEPOOL);
    assert.deepEqual([changed!.figures.value, changed!.muted], [28.3, null], 'new figures unmute it');
  });

  it("reads a patch's open flags and England's, with rule, version, figures, sentence and dates, and no cleared ones", async () => {
    const { sql } = store;
    await syncFlags(sql, [VISITS], [line(SUNDERLAND, VISITS, 19), line(GATESHEAD, VISITS, 17)], day(3));
    await syncFlags(sql, [VISITS], [line(SUNDERLAND, VISITS, 19)], day(4));
    const patch = await openFlagsOfCouncils(sql, [SUNDERLAND, GATESHEAD, HARTLEPOOL]);
    assert.deepEqual(
      patch.map((f) => [f.area, f.metric]),
      [
        [HARTLEPOOL, OBESITY],
        [SUNDERLAND, VISITS],
      ],
      "Gateshead's flag cleared; Durham is not in the patch",
    );
    const sunderland = patch[1]!;
    assert.deepEqual(
      [sunderland.rule, sunderland.ruleVersion, sunderland.period, sunderland.figures, sunderland.sentence, sunderland.raisedAt, sunderland.clearedAt],
      ['worse_and_worsening', 1, '2022/23', { value: 19, benchmark: 21.4 }, 'visits: 19%, worse than England (21.4%)', day(3), null],
    );
    assert.deepEqual(
      (await openFlagsInEngland(sql)).map((f) => f.area),
      [HARTLEPOOL, DURHAM, SUNDERLAND],
    );
    assert.deepEqual(await openFlagsOfCouncils(sql, []), []);
  });
});

describe("a server's memory of the open flags", () => {
  let store: TestStore;
  let other: TestStore;
  const day = (n: number) => new Date(Date.UTC(2024, 1, n, 9));
  /** Enough metrics for a sync to read and remember every open flag. */
  const MANY = [OBESITY, VISITS, ...Array.from({ length: 98 }, (_, i) => `unknown-${i}`)];

  before(async () => {
    store = await openTestStore();
    other = await openSiblingStore(store);
    await seedCatalogue(store.sql);
  });
  after(async () => {
    await other.close();
    await store.close();
  });

  it("finds another server's change, and keeps nothing of a sync that failed", async () => {
    assert.deepEqual(await syncFlags(store.sql, MANY, [line(HARTLEPOOL, OBESITY, 30), line(DURHAM, VISITS, 12)], day(1)), { raised: 2, changed: 0, cleared: 0 });
    assert.deepEqual(await syncFlags(store.sql, MANY, [line(HARTLEPOOL, OBESITY, 30), line(DURHAM, VISITS, 12)], day(2)), { raised: 0, changed: 0, cleared: 0 });
    assert.deepEqual(await syncFlags(other.sql, [OBESITY], [line(HARTLEPOOL, OBESITY, 31)], day(3)), { raised: 0, changed: 1, cleared: 0 });
    assert.deepEqual(await syncFlags(store.sql, MANY, [line(HARTLEPOOL, OBESITY, 31), line(DURHAM, VISITS, 12)], day(4)), { raised: 0, changed: 0, cleared: 0 }, "the other server's change is seen");
    await assert.rejects(
      syncFlags(store.sql, MANY, async () => [line(HARTLEPOOL, OBESITY, 32), line(HARTLEPOOL, 'stray', 1)], day(5)),
      /a flag on stray is not among the metrics brought up to date/,
    );
    assert.deepEqual(await syncFlags(store.sql, MANY, [line(DURHAM, VISITS, 12)], day(6)), { raised: 0, changed: 0, cleared: 1 });
    assert.deepEqual(await syncFlags(store.sql, MANY, [line(DURHAM, VISITS, 12)], day(7)), { raised: 0, changed: 0, cleared: 0 });
    assert.deepEqual(
      (await openFlagsInEngland(store.sql)).map((f) => [f.area, f.metric, f.figures.value]),
      [[DURHAM, VISITS, 12]],
    );
  });

  it('tells a remembered flag unchanged by its figures, without its fingerprint, and a changed one by its fingerprint', async () => {
    /** A line whose fingerprint may not be read: made from its figures, it is needed only when they differ. */
    const unread = (found: FlagLine): FlagLine =>
      Object.defineProperty({ ...found }, 'fingerprint', {
        get() {
          throw new Error('the fingerprint was read');
        },
      });
    assert.deepEqual(await syncFlags(store.sql, MANY, [line(HARTLEPOOL, OBESITY, 40), line(DURHAM, VISITS, 12)], day(8)), { raised: 1, changed: 0, cleared: 0 });
    assert.deepEqual(await syncFlags(store.sql, MANY, [unread(line(HARTLEPOOL, OBESITY, 40)), unread(line(DURHAM, VISITS, 12))], day(9)), { raised: 0, changed: 0, cleared: 0 });
    assert.deepEqual(await syncFlags(store.sql, MANY, [line(HARTLEPOOL, OBESITY, 41), unread(line(DURHAM, VISITS, 12))], day(10)), { raised: 0, changed: 1, cleared: 0 });
    assert.deepEqual(
      (await openFlagsInEngland(store.sql)).map((f) => [f.area, f.metric, f.figures.value, f.changedAt.getUTCDate()]),
      [
        [HARTLEPOOL, OBESITY, 41, 10],
        [DURHAM, VISITS, 12, 1],
      ],
    );
  });

  it('counts a flag found twice by its last finding, open or new', async () => {
    assert.deepEqual(await syncFlags(store.sql, MANY, [line(DURHAM, VISITS, 12), line(HARTLEPOOL, OBESITY, 50), line(HARTLEPOOL, OBESITY, 51)], day(11)), { raised: 0, changed: 1, cleared: 0 });
    assert.deepEqual(
      await syncFlags(store.sql, MANY, [line(DURHAM, VISITS, 13), line(HARTLEPOOL, OBESITY, 51), line(DURHAM, VISITS, 12)], day(12)),
      { raised: 0, changed: 0, cleared: 0 },
      'found last as it stands',
    );
    const found = [line(HARTLEPOOL, OBESITY, 52), line(HARTLEPOOL, VISITS, 7), line(DURHAM, VISITS, 12), line(HARTLEPOOL, OBESITY, 53), line(HARTLEPOOL, VISITS, 8)];
    assert.deepEqual(await syncFlags(store.sql, [OBESITY, VISITS], found, day(13)), { raised: 1, changed: 1, cleared: 0 });
    assert.deepEqual(
      (await openFlagsInEngland(store.sql)).map((f) => [f.area, f.metric, f.figures.value, f.changedAt.getUTCDate()]),
      [
        [HARTLEPOOL, VISITS, 8, 13],
        [HARTLEPOOL, OBESITY, 53, 13],
        [DURHAM, VISITS, 12, 1],
      ],
    );
  });
});

describe('a sync that raises, changes and clears thousands of flags', () => {
  let store: TestStore;
  let other: TestStore;
  const day = (n: number) => new Date(Date.UTC(2024, 2, n, 9));
  /** Enough metrics for a sync to remember every open flag. */
  const MANY = [OBESITY, VISITS, ...Array.from({ length: 98 }, (_, i) => `unknown-${i}`)];
  /** A council's flag off trajectory on obesity for target `n`: more than a statement's rows of them. */
  const off = (area: string, n: number, value: number) =>
    line(area, OBESITY, value, { rule: 'off_trajectory', subject: String(n), sentence: `target ${n}: ${value}%`, fingerprint: `off_trajectory@1|${OBESITY}|2022/23|${n}|value=${value}` });
  const first = [HARTLEPOOL, DURHAM].flatMap((area) => Array.from({ length: 1250 }, (_, n) => off(area, n, 20)));
  /** Of the first: Hartlepool's first 1,200 with other figures, Durham's first 1,100 no longer found, and Durham's 1,050 more targets found anew. */
  const second = [
    ...Array.from({ length: 1250 }, (_, n) => off(HARTLEPOOL, n, n < 1200 ? 21 + n : 20)),
    ...Array.from({ length: 150 }, (_, n) => off(DURHAM, 1100 + n, 20)),
    ...Array.from({ length: 1050 }, (_, n) => off(DURHAM, 2000 + n, 30)),
  ];
  const open = async (sql: TestStore['sql']) =>
    (await openFlagsOn(sql, [OBESITY])).map((f) => [f.area, f.subject, f.figures.value, f.sentence, f.fingerprint, f.raisedAt.getUTCDate(), f.changedAt.getUTCDate()]);

  before(async () => {
    store = await openTestStore();
    other = await openSiblingStore(store);
    await seedCatalogue(store.sql);
  });
  after(async () => {
    await other.close();
    await store.close();
  });

  it('writes them in parts and ends as the lines found say, with each flag changed or cleared on its day', async () => {
    assert.deepEqual(await syncFlags(store.sql, MANY, first, day(1)), { raised: 2500, changed: 0, cleared: 0 });
    assert.deepEqual(await syncFlags(store.sql, MANY, second, day(2)), { raised: 1050, changed: 1200, cleared: 1100 });

    const expected = second.map((l) => {
      const raisedOn = l.area === DURHAM && Number(l.subject) >= 2000 ? 2 : 1;
      const changedOn = l.area === HARTLEPOOL && Number(l.subject) < 1200 ? 2 : raisedOn;
      return [l.area, l.subject, l.figures.value, l.sentence, l.fingerprint, raisedOn, changedOn];
    });
    const order = (rows: unknown[][]) => [...rows].sort((a, b) => `${a[0]}|${String(a[1]).padStart(5, '0')}`.localeCompare(`${b[0]}|${String(b[1]).padStart(5, '0')}`));
    assert.deepEqual(order(await open(store.sql)), order(expected));
    const cleared = (await flagsOf(store.sql, DURHAM, true)).filter((f) => f.clearedAt !== null);
    assert.equal(cleared.length, 1100);
    assert.ok(
      cleared.every((f) => f.clearedAt!.getUTCDate() === 2 && f.figures.value === 20 && Number(f.subject) < 1100),
      'each cleared flag keeps the figures it had, cleared on the day',
    );

    assert.deepEqual(await syncFlags(other.sql, MANY, second, day(3)), { raised: 0, changed: 0, cleared: 0 }, 'a server reading the table afresh finds nothing to do');
    assert.deepEqual(await syncFlags(store.sql, MANY, second, day(3)), { raised: 0, changed: 0, cleared: 0 }, "the server's memory of the sync is the table's");
  });

  it('keeps nothing of a sync whose second part fails, and remembers none of it', async () => {
    const before = await open(store.sql);
    const third = [...second.map((l) => ({ ...l, figures: { value: 50 }, fingerprint: `${l.fingerprint};third` })), ...Array.from({ length: 1500 }, (_, n) => off(DURHAM, 5000 + n, 40))];
    third.push(off('E06999999', 1, 40)); // a council the store does not know: the second statement raising fails, after the first was sent
    await assert.rejects(syncFlags(store.sql, MANY, third, day(4)), { code: '23503', message: 'a flag names a council that is not in the catalogue' });
    assert.deepEqual(await open(store.sql), before, 'no part of it was kept');
    assert.deepEqual(await syncFlags(store.sql, MANY, second, day(5)), { raised: 0, changed: 0, cleared: 0 });
    assert.deepEqual(await syncFlags(store.sql, MANY, third.slice(0, -1), day(5)), { raised: 1500, changed: 2450, cleared: 0 });
  });

  it('compares and writes a sync of many lines a part of the metrics at a time, ending as the lines found say', async () => {
    // Visits last, so that the metrics' first half holds obesity and the second visits: more lines than a part takes, in two parts; obesity named twice, at both ends.
    const metrics = [OBESITY, ...MANY.slice(2), VISITS, OBESITY];
    const on = (metric: string, area: string, n: number, value: number) =>
      line(area, metric, value, { rule: 'off_trajectory', subject: `p${n}`, sentence: `${metric} ${n}: ${value}`, fingerprint: `off|${metric}|${area}|p${n}|${value}` });
    const lines = (round: number) =>
      [OBESITY, VISITS].flatMap((metric) =>
        [HARTLEPOOL, DURHAM].flatMap((area) =>
          Array.from({ length: 1600 }, (_, n) => n + round * 100)
            .filter((n) => n % 7 !== round)
            .map((n) => on(metric, area, n, n % 5 === round ? 100 + round : 1)),
        ),
      );
    await syncFlags(store.sql, metrics, lines(1), day(20));
    const moved = await syncFlags(store.sql, metrics, lines(2), day(21));
    const keys = (found: FlagLine[]) => new Set(found.map((l) => `${l.metric}|${l.area}|${l.subject}`));
    const [was, is] = [keys(lines(1)), keys(lines(2))];
    const anew = [...is].filter((k) => !was.has(k)).length;
    assert.ok(moved.raised === anew && moved.changed > 0 && moved.cleared === [...was].filter((k) => !is.has(k)).length, JSON.stringify(moved));
    const now = (await openFlagsOn(store.sql, [OBESITY, VISITS])).filter((f) => f.subject.startsWith('p'));
    const key = (f: { metric: string | null; area: string; subject: string }) => `${f.metric}|${f.area}|${f.subject}`;
    assert.deepEqual(
      now.map((f) => [key(f), f.figures.value, f.sentence, f.fingerprint, f.raisedAt.getUTCDate() === (was.has(key(f)) ? 20 : 21)]).sort(),
      lines(2)
        .map((l) => [key(l), l.figures.value, l.sentence, l.fingerprint, true])
        .sort(),
    );
    assert.deepEqual(await syncFlags(other.sql, metrics, lines(2), day(22)), { raised: 0, changed: 0, cleared: 0 }, 'a server reading the table afresh finds nothing to do');
    assert.deepEqual(await syncFlags(store.sql, metrics, lines(2), day(22)), { raised: 0, changed: 0, cleared: 0 }, "the server's memory of the sync is the table's");
  });

  it('takes the lines a part of the metrics at a time, clears the flags of a metric no part names, and keeps nothing of a part that strays', async () => {
    const metrics = [OBESITY, VISITS, ...MANY.slice(2)];
    const given: string[] = [];
    /** Each part made only when asked for, after the one before was compared and sent. */
    function* parts(lines: (metric: string) => FlagLine[], only = [OBESITY, VISITS]): Generator<FlagPart> {
      for (const metric of only) {
        given.push(metric);
        yield { metrics: [metric], lines: lines(metric) };
      }
    }
    const both = (metric: string) => [HARTLEPOOL, DURHAM].map((area, i) => line(area, metric, 60 + i, { subject: 'parts' }));
    await syncFlags(store.sql, metrics, [], day(23)); // the tests before leave flags open
    assert.deepEqual(await syncFlags(store.sql, metrics, async () => parts(both), day(23)), { raised: 4, changed: 0, cleared: 0 });
    assert.deepEqual(given, [OBESITY, VISITS]);
    assert.deepEqual(await syncFlags(other.sql, metrics, async () => parts(both), day(24)), { raised: 0, changed: 0, cleared: 0 }, 'the same as one list of lines');

    const onlyObesity = await syncFlags(
      store.sql,
      metrics,
      async () => parts((metric) => both(metric).map((l) => ({ ...l, figures: { value: 70 }, fingerprint: `${l.fingerprint};70` })), [OBESITY]),
      day(25),
    );
    assert.equal(onlyObesity.changed, 2);
    assert.equal((await openFlagsOn(store.sql, [VISITS])).filter((f) => f.subject === 'parts').length, 0, "visits' flags are cleared: no part named it");

    const before = await openFlagsOn(store.sql, [OBESITY, VISITS]);
    await assert.rejects(
      syncFlags(store.sql, metrics, async () => parts((metric) => (metric === VISITS ? [line(HARTLEPOOL, OBESITY, 80, { subject: 'parts' })] : both(metric))), day(26)),
      /a flag on obesity is not among the metrics brought up to date/,
    );
    await assert.rejects(
      syncFlags(store.sql, metrics, async () => parts(both, [OBESITY, OBESITY]), day(26)),
      /the metric obesity is in two parts/,
    );
    assert.deepEqual(await openFlagsOn(store.sql, [OBESITY, VISITS]), before, 'nothing of either was kept');
  });
});
