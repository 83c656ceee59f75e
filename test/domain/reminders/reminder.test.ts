import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { londonDay } from '../../../src/domain/format/index.ts';
import { overdueFrom, reminderSentence } from '../../../src/domain/reminders/index.ts';

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
