// Statutory action: a Best Value Notice of 6 or 12 months and its renewals,
// inspections and interventions with their durations.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addMonths, durationDays, eventEnd, eventProblems } from '../../../src/domain/improvement/index.ts';

describe('events on a case', () => {
  it('ends a notice 6 or 12 months on, at the end of a short month', () => {
    assert.equal(eventEnd({ kind: 'best_value_notice', startsOn: '2026-03-01', months: 6 }), '2026-09-01');
    assert.equal(addMonths('2026-08-31', 6), '2027-02-28');
    assert.equal(durationDays('2026-01-01', '2026-01-31'), 31);
    assert.equal(durationDays('2026-01-01', null), null);
  });

  it('refuses a notice of another length and months on an inspection', () => {
    assert.deepEqual(
      eventProblems({ kind: 'best_value_notice', startsOn: '2026-03-01', months: 3 }).map((p) => p.field),
      ['months'],
    );
    assert.deepEqual(
      eventProblems({ kind: 'inspection', startsOn: '2026-03-01', months: 6 }).map((p) => p.field),
      ['months'],
    );
    assert.equal(eventProblems({ kind: 'audit', startsOn: '2026-03-01' })[0]?.field, 'kind');
  });

  it('refuses an end before the start and a renewal of another kind or earlier', () => {
    assert.equal(eventProblems({ kind: 'intervention', startsOn: '2026-03-01', endsOn: '2026-02-01' })[0]?.field, 'endsOn');
    assert.equal(eventProblems({ kind: 'best_value_notice', startsOn: '2026-09-01', months: 6, renews: { kind: 'inspection', startsOn: '2026-03-01' } })[0]?.field, 'renews');
    assert.equal(eventProblems({ kind: 'best_value_notice', startsOn: '2026-01-01', months: 6, renews: { kind: 'best_value_notice', startsOn: '2026-03-01' } })[0]?.field, 'startsOn');
    assert.deepEqual(eventProblems({ kind: 'best_value_notice', startsOn: '2026-09-01', months: 12, renews: { kind: 'best_value_notice', startsOn: '2026-03-01' } }), []);
  });
});
