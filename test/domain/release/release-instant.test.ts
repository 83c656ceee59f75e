import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parsePeriod, type Period } from '../../../src/domain/period/index.ts';
import { isReleasedAt, londonMidnight, releaseInstant, type ReleaseRule } from '../../../src/domain/release/index.ts';

function period(label: string): Period {
  const parsed = parsePeriod(label);
  if (parsed.kind !== 'ok') throw new Error(`not a period: ${label}`);
  return parsed.period;
}

const YEAR_AFTER: ReleaseRule = Object.freeze({ kind: 'public_after_period', months: 12 });

describe('releaseInstant(rule, period)', () => {
  it('is null for a private rule: nothing is public until the council says', () => {
    assert.equal(releaseInstant({ kind: 'private' }, period('2023/24')), null);
  });

  it('is the instant itself for a rule public from an instant, whatever the period', () => {
    const instant = new Date('2027-01-15T09:30:00Z');
    assert.equal(releaseInstant({ kind: 'public_from', instant }, period('2024-03'))?.toISOString(), '2027-01-15T09:30:00.000Z');
  });

  it("makes a survey of 2023/24 public at London's midnight starting 1 April 2025, 23:00 UTC on 31 March (BST)", () => {
    assert.equal(releaseInstant(YEAR_AFTER, period('2023/24'))?.toISOString(), '2025-03-31T23:00:00.000Z');
  });

  it('is midnight UTC for a day in winter (GMT): a year after calendar 2023 is 1 January 2025', () => {
    assert.equal(releaseInstant(YEAR_AFTER, period('2023'))?.toISOString(), '2025-01-01T00:00:00.000Z');
  });

  it('counts months from the day after the period: a quarter, a month, and no span at all', () => {
    assert.equal(releaseInstant({ kind: 'public_after_period', months: 3 }, period('2024/25 Q3'))?.toISOString(), '2025-03-31T23:00:00.000Z');
    assert.equal(releaseInstant({ kind: 'public_after_period', months: 1 }, period('2024-02'))?.toISOString(), '2024-03-31T23:00:00.000Z');
    assert.equal(releaseInstant({ kind: 'public_after_period', months: 0 }, period('2024-10'))?.toISOString(), '2024-11-01T00:00:00.000Z');
  });

  it("takes the clocks' change on the day itself: the last Sunday of March and of October", () => {
    // 2025-03-30 is the day BST starts (at 01:00 UTC): its midnight is still GMT.
    assert.equal(releaseInstant({ kind: 'public_after_period', months: 0 }, period('2025-03-29'))?.toISOString(), '2025-03-30T00:00:00.000Z');
    assert.equal(releaseInstant({ kind: 'public_after_period', months: 0 }, period('2025-03-30'))?.toISOString(), '2025-03-30T23:00:00.000Z');
    // 2025-10-26 is the day GMT returns: its midnight is still BST.
    assert.equal(releaseInstant({ kind: 'public_after_period', months: 0 }, period('2025-10-25'))?.toISOString(), '2025-10-25T23:00:00.000Z');
    assert.equal(releaseInstant({ kind: 'public_after_period', months: 0 }, period('2025-10-26'))?.toISOString(), '2025-10-27T00:00:00.000Z');
  });

  it("takes a shorter month's last day where the day counted to does not exist", () => {
    assert.equal(releaseInstant({ kind: 'public_after_period', months: 1 }, period('2024-01-30'))?.toISOString(), '2024-02-29T00:00:00.000Z');
  });
});

describe('isReleasedAt(rule, period, now)', () => {
  const survey = period('2023/24');

  it("is false the millisecond before the financial year's anniversary and true at it", () => {
    assert.equal(isReleasedAt(YEAR_AFTER, survey, new Date('2025-03-31T22:59:59.999Z')), false);
    assert.equal(isReleasedAt(YEAR_AFTER, survey, new Date('2025-03-31T23:00:00.000Z')), true);
  });

  it('is never true for a private rule', () => {
    assert.equal(isReleasedAt({ kind: 'private' }, survey, new Date('2099-01-01T00:00:00Z')), false);
  });
});

describe('londonMidnight(day)', () => {
  it("is the instant London's day begins, in summer and in winter", () => {
    assert.equal(londonMidnight([2026, 7, 1]).toISOString(), '2026-06-30T23:00:00.000Z');
    assert.equal(londonMidnight([2026, 12, 5]).toISOString(), '2026-12-05T00:00:00.000Z');
  });
});
