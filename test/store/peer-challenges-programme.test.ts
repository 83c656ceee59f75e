// The programme page's figures and "Giving and taking" from a small made-up
// programme in a real store: each council's last challenge, its next due
// item and what is overdue, the counts delivered, booked and in discussion,
// the councils without a challenge for longer than the rules allow (among
// those whose history is held: from a declaration, or from the council's
// first enquiry of the kind), each council's cadence and what needs
// attention, and the peer days each council gave beside the challenges it
// received.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEADLINE_RULES, FIVE_CORE_ELEMENTS, type DateSpan, type DeadlineRules } from '../../src/domain/peer-challenge/index.ts';
import { bookPeer } from '../../src/store/peer-bookings.ts';
import { moveChallenge, openChallenge } from '../../src/store/peer-challenges.ts';
import { applyDeadlineRules } from '../../src/store/peer-deadline-rules.ts';
import { declareHistoryHeld } from '../../src/store/peer-history-held.ts';
import { addPeer, peerDays, peerPool } from '../../src/store/peer-pool.ts';
import { programme, type Programme } from '../../src/store/peer-programme.ts';
import type { Db } from '../../src/store/store.ts';
import { openTestStore, type TestStore } from '../support/store.ts';

const KENT = 'E10000016';
const MEDWAY = 'E06000035';
const LEEDS = 'E08000035';
const DURHAM = 'E06000047';
const HARTLEPOOL = 'E06000001';
const YORK = 'E06000014';
const TODAY = '2024-07-01';

/** A corporate challenge, booked for the week when one is given. */
async function challenge(sql: Db, council: string, enquiredOn: string, week: DateSpan | null): Promise<number> {
  const opened = await openChallenge(sql, { councilCode: council, kind: 'corporate', enquiredOn, managedBy: null });
  const id = (opened as { id: number }).id;
  if (week === null) return id;
  assert.equal((await moveChallenge(sql, id, { kind: 'scope', focusAreas: FIVE_CORE_ELEMENTS }, null)).kind, 'ok');
  assert.equal((await moveChallenge(sql, id, { kind: 'book', onSite: week }, null)).kind, 'ok');
  return id;
}

async function setStage(sql: Db, id: number, stage: string, days: Record<string, string | null> = {}): Promise<void> {
  await sql`update peer_challenge set stage = ${stage}, ${sql(days)} where id = ${id}`;
}

async function peer(sql: Db, name: string, council: string): Promise<number> {
  const added = await addPeer(sql, { name, role: 'chief_executive', party: null, councilCode: council, skills: [], sectorExperience: [], unavailable: [] }, null);
  return (added as { id: number }).id;
}

describe('the programme and peer days', () => {
  let store: TestStore;
  let figures: Programme;
  let kent: number;
  before(async () => {
    store = await openTestStore();
    const sql = store.sql;
    kent = await challenge(sql, KENT, '2023-09-01', { from: '2024-01-22', to: '2024-01-25' });
    for (const [name, council] of [
      ['Ann Leeds', LEEDS],
      ['Bob Leeds', LEEDS],
      ['Cat York', YORK],
    ] as const) {
      assert.equal((await bookPeer(sql, kent, await peer(sql, name, council), false, null)).kind, 'booked');
    }
    await setStage(sql, kent, 'report_final', { feedback_on: '2024-01-25', report_fact_check_on: '2024-03-01', report_published_on: '2024-04-10' });
    await challenge(sql, MEDWAY, '2024-06-01', null);
    const leeds = await challenge(sql, LEEDS, '2024-05-01', { from: '2024-09-02', to: '2024-09-05' });
    assert.equal((await bookPeer(sql, leeds, await peer(sql, 'Dan Durham', DURHAM), false, null)).kind, 'booked', 'booked, but not yet given');
    const durham = await challenge(sql, DURHAM, '2019-07-10', { from: '2019-09-02', to: '2019-09-05' });
    await setStage(sql, durham, 'closed', { feedback_on: '2019-09-05', closed_on: '2020-09-01' });
    const hartlepool = await challenge(sql, HARTLEPOOL, '2018-01-10', { from: '2018-03-05', to: '2018-03-08' });
    await setStage(sql, hartlepool, 'closed', { feedback_on: '2018-03-08', closed_on: '2019-03-01' });
    const withdrawn = await challenge(sql, HARTLEPOOL, '2024-02-01', { from: '2024-10-07', to: '2024-10-10' });
    assert.equal((await moveChallenge(sql, withdrawn, { kind: 'close', on: '2024-03-01', reason: 'a new chief executive asked to wait' }, null)).kind, 'ok');
    await declareHistoryHeld(sql, [YORK], 'corporate', '2015-01-01', 'the sector body’s list', null);
    figures = await programme(sql, TODAY);
  });
  after(() => store.close());

  function council(code: string) {
    const row = figures.councils.find((c) => c.councilCode === code);
    assert.ok(row, code);
    return row;
  }

  it('gives each council its last challenge, next due item and what is overdue', () => {
    const k = council(KENT);
    assert.deepEqual([k.last?.id, k.last?.stage, k.last?.onSite], [kent, 'report_final', { from: '2024-01-22', to: '2024-01-25' }]);
    assert.deepEqual([k.nextDue?.item, k.nextDue?.dueOn, k.nextDue?.latestOn], ['action_plan', '2024-04-25', '2024-06-25'], 'the report is done; the plan is next');
    assert.deepEqual(
      k.overdue.map((d) => d.item),
      ['action_plan'],
      'past its latest day',
    );
    assert.match(k.overdue[0]!.sentence, /Action plan published within 3 months/);
    assert.deepEqual([council(LEEDS).last?.stage, council(LEEDS).nextDue?.item, council(LEEDS).overdue], ['booked', 'report', []]);
    assert.deepEqual([council(MEDWAY).last?.stage, council(MEDWAY).nextDue], ['enquiry', null]);
    assert.deepEqual([council(HARTLEPOOL).last?.stage, council(HARTLEPOOL).nextDue], ['closed', null], 'the withdrawn one is the last, with nothing due');
    assert.equal(council(YORK).last, null);
    assert.ok(
      figures.councils.every((c) => c.councilType !== 'region' && c.councilType !== 'england'),
      'councils only',
    );
  });

  it('counts the programme delivered, booked and in discussion, a withdrawn challenge in none', () => {
    assert.deepEqual(figures.counts.corporate, { delivered: 3, booked: 1, inDiscussion: 1 });
    assert.deepEqual(figures.counts.safeguarding, { delivered: 0, booked: 0, inDiscussion: 0 });
  });

  it('names the councils without a challenge for longer than the rules allow, among those whose history is held', () => {
    const corporate = new Map(figures.withoutChallenge.filter((g) => g.kind === 'corporate').map((g) => [g.councilCode, g]));
    assert.equal(corporate.has(KENT), false);
    assert.equal(corporate.has(DURHAM), false, 'on site in September 2019: within five years');
    assert.deepEqual([corporate.get(HARTLEPOOL)?.lastOn, corporate.get(HARTLEPOOL)?.dueBy], ['2018-03-08', '2023-03-08']);
    assert.deepEqual([corporate.get(YORK)?.lastOn, corporate.get(YORK)?.heldFrom, corporate.get(YORK)?.dueBy], [null, '2015-01-01', '2020-01-01'], 'declared held, with none since');
    assert.deepEqual([...corporate.keys()].sort(), [HARTLEPOOL, YORK], 'no other council: the history of the rest is not held, or in time');
    assert.deepEqual(
      figures.withoutChallenge.filter((g) => g.kind === 'safeguarding'),
      [],
      'no safeguarding history is held',
    );
  });

  it('gives each council its cadence: history not held, in time, due within the year or overdue', () => {
    const cadence = (code: string) => council(code).cadence.map((v) => [v.kind, v.status, v.heldFrom, v.dueBy]);
    assert.deepEqual(cadence(MEDWAY), [
      ['corporate', 'in_time', '2024-06-01', '2029-06-01'],
      ['safeguarding', 'not_held', null, null],
    ]);
    assert.deepEqual(cadence(DURHAM)[0], ['corporate', 'due_within_year', '2019-07-10', '2024-09-05']);
    assert.deepEqual(cadence(KENT), [
      ['corporate', 'in_time', '2023-09-01', '2029-01-25'],
      ['safeguarding', 'not_held', null, null],
    ]);
    const elsewhere = figures.councils.find((c) => c.councilCode === 'E07000202')!;
    assert.deepEqual(
      elsewhere.cadence.map((v) => [v.kind, v.status]),
      [['corporate', 'not_held']],
      'a district is asked no safeguarding challenge, and Ipswich is not held',
    );
  });

  it('says which councils need attention and why, by the programme’s own verdicts', () => {
    const needing = new Map(figures.councils.filter((c) => c.attention.length > 0).map((c) => [c.councilCode, c.attention]));
    assert.deepEqual([...needing.keys()].sort(), [DURHAM, HARTLEPOOL, KENT, YORK].sort());
    assert.deepEqual(needing.get(KENT), [{ kind: 'items_overdue', count: 1 }]);
    assert.deepEqual(needing.get(DURHAM), [{ kind: 'challenge_due', challengeKind: 'corporate', dueBy: '2024-09-05' }]);
    assert.deepEqual(needing.get(HARTLEPOOL), [{ kind: 'challenge_overdue', challengeKind: 'corporate', dueBy: '2023-03-08' }]);
    assert.deepEqual(needing.get(YORK), [{ kind: 'challenge_overdue', challengeKind: 'corporate', dueBy: '2020-01-01' }]);
  });

  it('judges the gaps by the deadline rules in force, once a later version is applied', async () => {
    const fourYears: DeadlineRules = {
      ...DEADLINE_RULES,
      version: DEADLINE_RULES.version + 1,
      from: '2024-06-01',
      cadence: DEADLINE_RULES.cadence.map((c) => (c.kind === 'corporate' ? { ...c, everyYears: 4 } : c)),
    };
    assert.equal((await applyDeadlineRules(store.sql, fourYears, null)).kind, 'ok');
    const later = await programme(store.sql, TODAY);
    const durham = later.withoutChallenge.find((g) => g.kind === 'corporate' && g.councilCode === DURHAM);
    assert.deepEqual([durham?.lastOn, durham?.dueBy], ['2019-09-05', '2023-09-05'], 'on site in September 2019: more than four years ago');
  });

  it("sets each council's peer days given beside the challenges and days it received", async () => {
    const days = new Map((await peerDays(store.sql, TODAY)).map((d) => [d.councilCode, d]));
    assert.deepEqual(days.get(LEEDS), { councilCode: LEEDS, councilName: 'Leeds', daysGiven: 8, challengesReceived: 0, daysReceived: 0 });
    assert.deepEqual(days.get(YORK), { councilCode: YORK, councilName: 'York', daysGiven: 4, challengesReceived: 0, daysReceived: 0 });
    assert.deepEqual(days.get(KENT), { councilCode: KENT, councilName: 'Kent', daysGiven: 0, challengesReceived: 1, daysReceived: 12 });
    assert.deepEqual([days.get(DURHAM)?.daysGiven, days.get(DURHAM)?.challengesReceived], [0, 1], 'a week booked in September is not given yet in July');
    assert.equal(days.get(HARTLEPOOL)?.challengesReceived, 1, 'the withdrawn challenge is not received');
    assert.equal(days.has(MEDWAY), false, 'a council that neither gave nor received');
    const pool = await peerPool(store.sql, TODAY);
    assert.deepEqual(
      pool.filter((p) => p.peerDaysGiven > 0).map((p) => [p.name, p.peerDaysGiven]),
      [
        ['Ann Leeds', 4],
        ['Bob Leeds', 4],
        ['Cat York', 4],
      ],
    );
  });
});
