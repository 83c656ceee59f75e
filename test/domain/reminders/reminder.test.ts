import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { londonDay } from '../../../src/domain/format/index.ts';
import { dueDatesRemindedOn, overdueFrom, reminderMomentOn, reminderSentence } from '../../../src/domain/reminders/index.ts';

describe('reminderSentence(reminder)', () => {
  const step = Object.freeze({ kind: 'next_step', subject: 'Send the budget plan', dueOn: '2027-03-03', areaName: 'Barnsley', insteadOf: null } as const);

  it('says what is overdue, for which council, and when it was due', () => {
    assert.equal(reminderSentence(step), 'Next step for Barnsley, due 3 March 2027: Send the budget plan');
  });

  it('says whose it is when the lead adviser is told instead', () => {
    assert.equal(
      reminderSentence({ ...step, kind: 'milestone', insteadOf: 'A mentor' }),
      "Support package milestone for Barnsley, due 3 March 2027: Send the budget plan (owned by A mentor, who is not a user of Lantern: you are told as the case's lead adviser)",
    );
  });

  it('leaves out the council of a Panel action about none', () => {
    assert.equal(reminderSentence({ ...step, kind: 'panel_action', areaName: null }), 'Panel action, due 3 March 2027: Send the budget plan');
  });
});

describe('londonDay(instant)', () => {
  it("is London's date: the next day from midnight in summer, while UTC is still on the day before", () => {
    assert.equal(londonDay(new Date('2027-06-03T22:59:59Z')), '2027-06-03');
    assert.equal(londonDay(new Date('2027-06-03T23:00:00Z')), '2027-06-04');
    assert.equal(londonDay(new Date('2027-01-03T23:59:59Z')), '2027-01-03');
  });
});

describe('overdueFrom(dueOn)', () => {
  it('is the day after, across a month, a year and a leap day', () => {
    assert.equal(overdueFrom('2027-06-03'), '2027-06-04');
    assert.equal(overdueFrom('2027-06-30'), '2027-07-01');
    assert.equal(overdueFrom('2027-12-31'), '2028-01-01');
    assert.equal(overdueFrom('2028-02-28'), '2028-02-29');
  });
});

describe('reminderMomentOn(dueOn, day)', () => {
  it('is the fortnight before from 14 days ahead, the day from the due date for a week, and nothing otherwise', () => {
    assert.equal(reminderMomentOn('2027-06-04', '2027-05-20'), null);
    assert.equal(reminderMomentOn('2027-06-04', '2027-05-21'), 'fortnight_before');
    assert.equal(reminderMomentOn('2027-06-04', '2027-06-03'), 'fortnight_before');
    assert.equal(reminderMomentOn('2027-06-04', '2027-06-04'), 'on_the_day');
    assert.equal(reminderMomentOn('2027-06-04', '2027-06-10'), 'on_the_day');
    assert.equal(reminderMomentOn('2027-06-04', '2027-06-11'), null);
    assert.equal(reminderMomentOn('2028-03-13', '2028-02-28'), 'fortnight_before', 'across a leap day');
    assert.equal(reminderMomentOn('2028-03-13', '2028-02-27'), null);
  });

  it('agrees with the window of due dates a run reads', () => {
    const { from, to } = dueDatesRemindedOn('2027-06-04');
    assert.deepEqual([from, to], ['2027-05-29', '2027-06-18']);
    assert.equal(reminderMomentOn(from, '2027-06-04'), 'on_the_day');
    assert.equal(reminderMomentOn(to, '2027-06-04'), 'fortnight_before');
  });
});

describe('reminderSentence of a peer challenge item', () => {
  const item = Object.freeze({ kind: 'peer_report', subject: 'Corporate peer challenge of Barnsley', dueOn: '2027-06-04', areaName: 'Barnsley', insteadOf: null } as const);
  it('says the notice it gives', () => {
    assert.equal(
      reminderSentence({ ...item, moment: 'fortnight_before' }),
      'Peer challenge report for Barnsley, due 4 June 2027, a fortnight from this reminder: Corporate peer challenge of Barnsley',
    );
    assert.equal(reminderSentence({ ...item, moment: 'on_the_day' }), 'Peer challenge report for Barnsley, due 4 June 2027, the day of this reminder: Corporate peer challenge of Barnsley');
  });
});
