import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEADLINE_RULES, attentionOf, councilCadence, enquiry, type Challenge, type HistoryHeld } from '../../../src/domain/peer-challenge/index.ts';

const SUFFOLK = Object.freeze({ code: 'E10000029', name: 'Suffolk', type: 'county' as const });
const IPSWICH = Object.freeze({ code: 'E07000202', name: 'Ipswich', type: 'district' as const });

function corporate(council: string, enquiredOn: string, to: string | null, changes: Partial<Challenge> = {}): Challenge {
  const base = enquiry(`c-${council}-${enquiredOn}`, council, 'corporate', enquiredOn);
  return Object.freeze(to === null ? { ...base, ...changes } : { ...base, stage: 'feedback', onSite: { from: to, to }, feedbackOn: to, ...changes });
}

const verdicts = (challenges: readonly Challenge[], held: readonly HistoryHeld[], today: string) =>
  councilCadence([SUFFOLK, IPSWICH], challenges, held, today, DEADLINE_RULES).map((v) => [v.councilCode, v.kind, v.status, v.heldFrom, v.dueBy]);

describe('councilCadence(councils, challenges, held, today, rules)', () => {
  it('holds no council with no record and no declaration: every one not held, none due', () => {
    assert.deepEqual(verdicts([], [], '2030-01-01'), [
      [SUFFOLK.code, 'corporate', 'not_held', null, null],
      [IPSWICH.code, 'corporate', 'not_held', null, null],
      [SUFFOLK.code, 'safeguarding', 'not_held', null, null],
    ]);
    const [suffolk] = councilCadence([SUFFOLK], [], [], '2030-01-01');
    assert.equal(suffolk!.sentence, "Lantern does not hold Suffolk's corporate peer challenges, so it cannot say when the last was.");
  });

  it('judges from the last week on site: in time, due within the year, overdue the day after', () => {
    const week = corporate(SUFFOLK.code, '2020-06-01', '2021-03-11');
    const suffolk = (today: string) => councilCadence([SUFFOLK], [week], [], today).find((v) => v.kind === 'corporate')!;
    assert.equal(suffolk('2025-03-10').status, 'in_time', 'a year and a day ahead');
    assert.equal(suffolk('2025-03-11').status, 'due_within_year');
    assert.equal(suffolk('2026-03-11').status, 'due_within_year', 'the due day itself');
    const late = suffolk('2026-03-12');
    assert.deepEqual([late.status, late.lastOn, late.heldFrom, late.dueBy], ['overdue', '2021-03-11', '2020-06-01', '2026-03-11']);
    assert.equal(late.sentence, "Suffolk's last corporate peer challenge ended on 2021-03-11, more than 5 years ago (one was due by 2026-03-11).");
    assert.equal(suffolk('2025-01-01').sentence, "Suffolk's last corporate peer challenge ended on 2021-03-11; the rule is at least one every 5 years, so the next is due by 2026-03-11.");
  });

  it('holds a kind from its first enquiry alone, not the other kinds of the council', () => {
    const enquired = corporate(SUFFOLK.code, '2024-11-04', null);
    assert.deepEqual(verdicts([enquired], [], '2026-12-05'), [
      [SUFFOLK.code, 'corporate', 'in_time', '2024-11-04', '2029-11-04'],
      [IPSWICH.code, 'corporate', 'not_held', null, null],
      [SUFFOLK.code, 'safeguarding', 'not_held', null, null],
    ]);
  });

  it('takes the earlier of a declaration and the first record as where the history begins', () => {
    const enquired = corporate(IPSWICH.code, '2024-11-04', null);
    const held: HistoryHeld[] = [{ councilCode: IPSWICH.code, kind: 'corporate', from: '2019-04-01' }];
    const [ipswich] = councilCadence([IPSWICH], [enquired], held, '2026-12-05');
    assert.deepEqual([ipswich!.status, ipswich!.heldFrom, ipswich!.dueBy], ['overdue', '2019-04-01', '2024-04-01']);
    assert.equal(
      ipswich!.sentence,
      "Ipswich has no corporate peer challenge on record since 2019-04-01, when the programme's record of them begins; the rule is at least one every 5 years (one was due by 2024-04-01).",
    );
    const later: HistoryHeld[] = [{ councilCode: IPSWICH.code, kind: 'corporate', from: '2025-01-01' }];
    assert.equal(councilCadence([IPSWICH], [enquired], later, '2026-12-05')[0]!.heldFrom, '2024-11-04');
  });

  it('does not count a week withdrawn before feedback as a challenge, though its enquiry holds the history', () => {
    const withdrawn = corporate(IPSWICH.code, '2018-01-08', '2018-06-07', { stage: 'closed', feedbackOn: null, closedOn: '2018-06-01' });
    const [ipswich] = councilCadence([IPSWICH], [withdrawn], [], '2023-01-09');
    assert.deepEqual([ipswich!.status, ipswich!.lastOn, ipswich!.dueBy], ['overdue', null, '2023-01-08']);
  });
});

describe('attentionOf(cadence, overdueItems)', () => {
  it('needs none for a council in time or not held with nothing overdue', () => {
    assert.deepEqual(attentionOf(councilCadence([SUFFOLK, IPSWICH], [], [], '2026-12-05'), 0), []);
    const week = corporate(SUFFOLK.code, '2024-01-01', '2024-06-06');
    assert.deepEqual(attentionOf(councilCadence([SUFFOLK], [week], [], '2026-12-05'), 0), []);
  });

  it('names a challenge overdue or due within the year, and the count of items overdue', () => {
    const week = corporate(SUFFOLK.code, '2020-06-01', '2021-03-11');
    const held: HistoryHeld[] = [{ councilCode: SUFFOLK.code, kind: 'safeguarding', from: '2020-01-01' }];
    assert.deepEqual(attentionOf(councilCadence([SUFFOLK], [week], held, '2025-12-01'), 2), [
      { kind: 'challenge_due', challengeKind: 'corporate', dueBy: '2026-03-11' },
      { kind: 'challenge_overdue', challengeKind: 'safeguarding', dueBy: '2023-01-01' },
      { kind: 'items_overdue', count: 2 },
    ]);
    assert.deepEqual(attentionOf([], 1), [{ kind: 'items_overdue', count: 1 }]);
  });
});
