// A change of the peer challenge deadline rules in a real store: the open
// challenges' due dates move in one transaction, a week ending on 31
// January giving a one-month date of 28 February (29 in a leap year); each
// move is kept with its sentence; what is done, and closed challenges, stay
// as they were; a version not later than the one in force is refused; and a
// week booked after the change is due by the rules in force.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEADLINE_RULES, FIVE_CORE_ELEMENTS, type DateSpan, type DeadlineRules } from '../../src/domain/peer-challenge/index.ts';
import { moveChallenge, openChallenge, readChallenge, type Moved } from '../../src/store/peer-challenges.ts';
import { applyDeadlineRules, deadlineRulesNow, dueMovesOf, dueUnderRulesNow } from '../../src/store/peer-deadline-rules.ts';
import type { Db } from '../../src/store/store.ts';
import { openTestStore, type TestStore } from '../support/store.ts';

const KENT = 'E10000016';
const LEEDS = 'E08000035';
const DURHAM = 'E06000047';
const YORK = 'E06000014';

/** Today's rules with the report due one month after the week, not three. */
const ONE_MONTH: DeadlineRules = Object.freeze({
  ...DEADLINE_RULES,
  version: 2,
  from: '2026-06-01',
  items: DEADLINE_RULES.items.map((rule) => (rule.item === 'report' ? { ...rule, months: 1 } : rule)),
});

function ok(moved: Moved) {
  assert.equal(moved.kind, 'ok', JSON.stringify(moved));
  return (moved as { challenge: NonNullable<Awaited<ReturnType<typeof readChallenge>>> }).challenge;
}

async function booked(sql: Db, council: string, week: DateSpan): Promise<number> {
  const opened = await openChallenge(sql, { councilCode: council, kind: 'corporate', enquiredOn: '2023-09-01', managedBy: null });
  const id = (opened as { id: number }).id;
  ok(await moveChallenge(sql, id, { kind: 'scope', focusAreas: FIVE_CORE_ELEMENTS }, null));
  ok(await moveChallenge(sql, id, { kind: 'book', onSite: week }, null));
  return id;
}

const dueOf = async (sql: Db, id: number, item: string) => (await readChallenge(sql, id))!.due.find((d) => d.item === item);

describe('a change of the deadline rules', () => {
  let store: TestStore;
  let leap: number;
  let plain: number;
  let reported: number;
  let closed: number;
  before(async () => {
    store = await openTestStore();
    const sql = store.sql;
    leap = await booked(sql, KENT, { from: '2024-01-29', to: '2024-01-31' });
    plain = await booked(sql, LEEDS, { from: '2025-01-28', to: '2025-01-31' });
    reported = await booked(sql, DURHAM, { from: '2025-01-28', to: '2025-01-31' });
    for (const step of [
      { kind: 'confirm_team' },
      { kind: 'arrive', on: '2025-01-28' },
      { kind: 'give_feedback', on: '2025-01-31' },
      { kind: 'send_report_for_fact_check', on: '2025-02-10' },
      { kind: 'publish_report', on: '2025-03-20' },
    ] as const) {
      if (step.kind === 'confirm_team') await sql`update peer_challenge set stage = 'team_confirmed' where id = ${reported}`;
      else ok(await moveChallenge(sql, reported, step, null));
    }
    closed = await booked(sql, YORK, { from: '2025-01-28', to: '2025-01-31' });
    ok(await moveChallenge(sql, closed, { kind: 'close', on: '2025-01-10', reason: 'withdrawn' }, null));
  });
  after(() => store.close());

  it('moves open due dates: 31 January + 1 month is 28 February, or 29 in a leap year', async () => {
    const applied = await applyDeadlineRules(store.sql, ONE_MONTH, null);
    assert.equal(applied.kind, 'ok');
    const moves = applied.kind === 'ok' ? applied.moves : [];
    assert.deepEqual(
      moves.map((m) => [Number(m.challengeId), m.item, m.from, m.to]),
      [
        [leap, 'report', '2024-04-30', '2024-02-29'],
        [plain, 'report', '2025-04-30', '2025-02-28'],
      ],
    );
    assert.equal((await dueOf(store.sql, leap, 'report'))?.dueOn, '2024-02-29');
    assert.equal((await dueOf(store.sql, plain, 'report'))?.dueOn, '2025-02-28');
    assert.equal((await dueOf(store.sql, plain, 'action_plan'))?.dueOn, '2025-04-30', 'what the rules did not change stays');
  });

  it('keeps each move with the sentence that says why', async () => {
    const [move] = await dueMovesOf(store.sql, plain);
    assert.deepEqual([move?.item, move?.fromOn, move?.toOn, move?.fromVersion, move?.toVersion], ['report', '2025-04-30', '2025-02-28', 1, 2]);
    assert.match(move!.sentence, /^Report published is now due 2025-02-28, not 2025-04-30: rules version 1 became version 2 on 2026-06-01\./);
    assert.equal((await dueOf(store.sql, plain, 'report'))?.sentence, 'Report published within 1 months of the week on site (ending 2025-01-31).');
  });

  it('leaves what is done, and closed challenges, as they were', async () => {
    assert.equal((await dueMovesOf(store.sql, reported)).length, 0);
    assert.equal((await dueOf(store.sql, reported, 'report'))?.dueOn, '2025-04-30');
    assert.equal((await dueMovesOf(store.sql, closed)).length, 0);
    assert.equal((await dueOf(store.sql, closed, 'report'))?.dueOn, '2025-04-30');
  });

  it('refuses a version not later than the rules in force, naming the field', async () => {
    const again = await applyDeadlineRules(store.sql, ONE_MONTH, null);
    assert.deepEqual(again.kind === 'refused' ? again.problem.field : again.kind, 'version');
    assert.equal((await deadlineRulesNow(store.sql)).version, 2);
  });

  it('gives a week booked after the change the due dates of the rules in force, recording no move', async () => {
    const id = await booked(store.sql, YORK, { from: '2026-07-28', to: '2026-07-31' });
    await dueUnderRulesNow(store.sql, (await readChallenge(store.sql, id))!);
    assert.equal((await dueOf(store.sql, id, 'report'))?.dueOn, '2026-08-31');
    assert.equal((await dueMovesOf(store.sql, id)).length, 0);
  });
});
