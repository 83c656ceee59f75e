import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEADLINE_RULES, councilsWithoutChallenge, dueDates, dueStatus, enquiry, moveDueDates, overdueItems, type Challenge, type DeadlineRules } from '../../../src/domain/peer-challenge/index.ts';

function onSite(from: string, to: string, changes: Partial<Challenge> = {}): Challenge {
  return Object.freeze({ ...enquiry('c1', 'E10000029', 'corporate', '2025-01-01'), stage: 'feedback', onSite: { from, to }, feedbackOn: to, ...changes });
}

const ONE_MONTH: DeadlineRules = Object.freeze<DeadlineRules>({ ...DEADLINE_RULES, version: 9, items: [{ item: 'report', months: 1, latestMonths: null, kinds: ['corporate'] }] });
const due = (c: Challenge, rules: DeadlineRules = DEADLINE_RULES) => Object.fromEntries(dueDates(c, rules).map((d) => [d.item, [d.dueOn, d.latestOn]]));

describe('dueDates(challenge, rules)', () => {
  it("gives today's defaults from the last day on site", () => {
    assert.deepEqual(due(onSite('2026-03-10', '2026-03-13')), {
      report: ['2026-06-13', null],
      action_plan: ['2026-06-13', '2026-08-13'],
      progress_review: ['2027-01-13', null],
      progress_review_report: ['2027-03-13', null],
    });
  });

  it('puts 31 January + 1 month on the last day of February, 28 or 29', () => {
    assert.equal(dueDates(onSite('2026-01-28', '2026-01-31'), ONE_MONTH)[0]!.dueOn, '2026-02-28');
    assert.equal(dueDates(onSite('2028-01-28', '2028-01-31'), ONE_MONTH)[0]!.dueOn, '2028-02-29');
    assert.equal(due(onSite('2026-11-27', '2026-11-30')).report![0], '2027-02-28');
    assert.equal(due(onSite('2026-05-28', '2026-05-31')).action_plan![1], '2026-10-31');
  });

  it('asks a safeguarding challenge for its report and plan, not a progress review', () => {
    assert.deepEqual(Object.keys(due(onSite('2026-03-10', '2026-03-13', { kind: 'safeguarding' }))), ['report', 'action_plan']);
  });

  it('gives nothing before the week is booked, and says which rule', () => {
    assert.deepEqual(dueDates(enquiry('c1', 'E10000029', 'corporate', '2025-01-01')), []);
    assert.equal(dueDates(onSite('2026-03-10', '2026-03-13'))[1]!.sentence, 'Action plan published within 3 months of the week on site (ending 2026-03-13), at the latest within 5.');
  });
});

describe('dueStatus(due, challenge, today) and overdueItems(challenge, today, rules)', () => {
  const week = onSite('2026-03-10', '2026-03-13');

  it('is due on the day itself and overdue the day after', () => {
    const [report] = dueDates(week);
    assert.equal(dueStatus(report!, week, '2026-06-13'), 'due');
    assert.equal(dueStatus(report!, week, '2026-06-14'), 'overdue');
  });

  it('tells an action plan past its latest day from one merely late', () => {
    const plan = dueDates(week)[1]!;
    assert.equal(dueStatus(plan, week, '2026-07-01'), 'overdue');
    assert.equal(dueStatus(plan, week, '2026-08-14'), 'past_latest');
    const late = onSite('2026-03-10', '2026-03-13', { actionPlanPublishedOn: '2026-09-01' });
    assert.equal(dueStatus(dueDates(late)[1]!, late, '2026-10-01'), 'done_late');
  });

  it('lists what is overdue, and nothing once done or closed', () => {
    assert.deepEqual(
      overdueItems(week, '2026-07-01').map((d) => d.item),
      ['report', 'action_plan'],
    );
    assert.deepEqual(overdueItems({ ...week, reportPublishedOn: '2026-06-01', actionPlanPublishedOn: '2026-06-10' }, '2026-07-01'), []);
    assert.deepEqual(overdueItems({ ...week, stage: 'closed', closedOn: '2026-06-20', closeReason: 'Council withdrew' }, '2026-07-01'), []);
  });
});

describe('moveDueDates(open, oldRules, newRules)', () => {
  const FOUR_MONTHS: DeadlineRules = Object.freeze<DeadlineRules>({
    ...DEADLINE_RULES,
    version: 2,
    from: '2026-09-01',
    items: DEADLINE_RULES.items.map((r) => (r.item === 'report' ? { ...r, months: 4 } : r)),
  });

  it('moves the open due dates a rule change touches, and says so', () => {
    const moves = moveDueDates([onSite('2026-03-10', '2026-03-13')], DEADLINE_RULES, FOUR_MONTHS);
    assert.deepEqual(
      moves.map((m) => [m.item, m.from, m.to]),
      [['report', '2026-06-13', '2026-07-13']],
    );
    assert.equal(
      moves[0]!.sentence,
      'Report published is now due 2026-07-13, not 2026-06-13: rules version 1 became version 2 on 2026-09-01. Report published within 4 months of the week on site (ending 2026-03-13).',
    );
  });

  it('leaves done items and closed challenges where they were', () => {
    const done = onSite('2026-03-10', '2026-03-13', { reportPublishedOn: '2026-06-01' });
    const closed = onSite('2026-03-10', '2026-03-13', { stage: 'closed', closedOn: '2026-05-01', closeReason: 'withdrawn' });
    assert.deepEqual(moveDueDates([done, closed], DEADLINE_RULES, FOUR_MONTHS), []);
  });

  it('says when an item is no longer asked for, or newly asked for', () => {
    const moves = moveDueDates([onSite('2026-03-10', '2026-03-13')], DEADLINE_RULES, ONE_MONTH);
    assert.deepEqual(
      moves.map((m) => [m.item, m.from, m.to]),
      [
        ['report', '2026-06-13', '2026-04-13'],
        ['action_plan', '2026-06-13', null],
        ['progress_review', '2027-01-13', null],
        ['progress_review_report', '2027-03-13', null],
      ],
    );
    assert.match(moves[1]!.sentence, /no longer due \(it was due 2026-06-13\)/);
    assert.match(moveDueDates([onSite('2026-03-10', '2026-03-13')], ONE_MONTH, DEADLINE_RULES)[1]!.sentence, /^Action plan published is now due 2026-06-13: .*which asks for it/);
  });
});

describe('councilsWithoutChallenge(councils, challenges, held, today, rules)', () => {
  const SUFFOLK = { code: 'E10000029', name: 'Suffolk', type: 'county' as const };
  const IPSWICH = { code: 'E07000202', name: 'Ipswich', type: 'district' as const };
  const corporate = onSite('2021-03-08', '2021-03-11', { stage: 'closed', closedOn: '2022-03-01' });

  it('names a council with no corporate challenge for five years, and not one within them', () => {
    assert.deepEqual(
      councilsWithoutChallenge([SUFFOLK], [corporate], [], '2026-03-11').filter((g) => g.kind === 'corporate'),
      [],
    );
    const [gap] = councilsWithoutChallenge([SUFFOLK], [corporate], [], '2026-03-12').filter((g) => g.kind === 'corporate');
    assert.equal(gap!.sentence, "Suffolk's last corporate peer challenge ended on 2021-03-11, more than 5 years ago (one was due by 2026-03-11).");
  });

  it('asks safeguarding of children’s authorities alone, every three years', () => {
    const gaps = councilsWithoutChallenge(
      [SUFFOLK, IPSWICH],
      [corporate],
      [
        { councilCode: IPSWICH.code, kind: 'corporate', from: '2018-01-01' },
        { councilCode: SUFFOLK.code, kind: 'safeguarding', from: '2018-01-01' },
      ],
      '2024-01-01',
    );
    assert.deepEqual(
      gaps.map((g) => [g.councilCode, g.kind, g.lastOn]),
      [
        ['E07000202', 'corporate', null],
        ['E10000029', 'safeguarding', null],
      ],
    );
  });

  it('does not count a challenge withdrawn before the week', () => {
    const withdrawn = { ...corporate, onSite: { from: '2025-03-03', to: '2025-03-06' }, feedbackOn: null };
    assert.equal(councilsWithoutChallenge([SUFFOLK], [corporate, withdrawn], [], '2026-06-01')[0]!.lastOn, '2021-03-11');
  });
});
