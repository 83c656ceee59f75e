import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_DUE_RULE, checkDueRule, describeDueRule, dueDate } from '../../../src/domain/returns/index.ts';

describe('dueDate(periodEnd, rule)', () => {
  it('counts 20 working days past New Year’s Day: 2025/26 Q3 is due on 29 January 2026', () => {
    assert.equal(dueDate('2025-12-31', DEFAULT_DUE_RULE), '2026-01-29');
  });

  it('skips Good Friday and Easter Monday: 2025/26 Q4 is due on 30 April 2026', () => {
    assert.equal(dueDate('2026-03-31', { kind: 'working_days_after', days: 20 }), '2026-04-30');
  });

  it('skips a weekend: one working day after Friday is Monday', () => {
    assert.equal(dueDate('2026-11-27', { kind: 'working_days_after', days: 1 }), '2026-11-30');
  });

  it('skips the substitute Boxing Day of 2026', () => {
    assert.equal(dueDate('2026-12-24', { kind: 'working_days_after', days: 1 }), '2026-12-29');
  });

  it('gives a month’s end the end of the month later', () => {
    assert.equal(dueDate('2026-02-28', { kind: 'months_after', months: 1 }), '2026-03-31');
    assert.equal(dueDate('2026-01-31', { kind: 'months_after', months: 1 }), '2026-02-28');
    assert.equal(dueDate('2025-12-31', { kind: 'months_after', months: 2 }), '2026-02-28');
  });
});

describe('describeDueRule(rule)', () => {
  it('says the rule in words', () => {
    assert.equal(describeDueRule(DEFAULT_DUE_RULE), '20 working days after the period ends');
    assert.equal(describeDueRule({ kind: 'months_after', months: 1 }), '1 month after the period ends');
  });
});

describe('checkDueRule(given)', () => {
  it('gives the default when none is given', () => {
    assert.deepEqual(checkDueRule(undefined), { kind: 'ok', rule: DEFAULT_DUE_RULE });
  });

  it('reads a form’s text', () => {
    assert.deepEqual(checkDueRule({ kind: 'months_after', months: '2' }), { kind: 'ok', rule: { kind: 'months_after', months: 2 } });
  });

  it('refuses an unknown kind and a count out of range, naming the field', () => {
    const fieldOf = (given: unknown) => {
      const check = checkDueRule(given);
      return check.kind === 'refused' ? check.problems[0]?.field : undefined;
    };
    assert.equal(fieldOf({ kind: 'weeks_after' }), 'dueRule.kind');
    assert.equal(fieldOf({ kind: 'working_days_after', days: 0 }), 'dueRule.days');
    assert.equal(fieldOf({ kind: 'months_after', months: 13 }), 'dueRule.months');
    assert.equal(fieldOf({ kind: 'working_days_after', days: 2.5 }), 'dueRule.days');
  });
});
