// itemReview(reviewedAt, now): an item is stale from six calendar months
// after its last review, counted on London's calendar; staleFrom(reviewedAt)
// is that first stale day.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { STALE_AFTER_MONTHS, itemReview, staleFrom } from '../../../src/domain/access/index.ts';

describe('itemReview(reviewedAt, now)', () => {
  const reviewed = Object.freeze(new Date('2026-03-03T10:00:00Z'));

  it('is fresh on the day before six months have passed, and says when it was reviewed', () => {
    const review = itemReview(reviewed, new Date('2026-09-02T22:59:59Z'));
    assert.equal(review.stale, false);
    assert.equal(review.sentence, 'Reviewed 3 March 2026');
  });

  it("is stale from the first moment of the same day six months on, London's midnight in summer time", () => {
    // 23:00 UTC on 2 September is midnight on 3 September in London (BST).
    const review = itemReview(reviewed, new Date('2026-09-02T23:00:00Z'));
    assert.equal(review.stale, true);
    assert.equal(review.sentence, 'Not reviewed since 3 March 2026: stale');
    assert.equal(STALE_AFTER_MONTHS, 6);
  });

  it("reads the review on London's calendar: just after midnight in summer is the next day", () => {
    const lateJune = new Date('2026-06-30T23:30:00Z'); // 1 July, 00:30 in London
    assert.equal(staleFrom(lateJune), '2027-01-01');
    assert.equal(itemReview(lateJune, new Date('2026-12-31T23:59:59Z')).stale, false);
    assert.equal(itemReview(lateJune, new Date('2027-01-01T00:00:00Z')).stale, true);
    assert.equal(itemReview(lateJune, lateJune).sentence, 'Reviewed 1 July 2026');
  });
});

describe('staleFrom(reviewedAt)', () => {
  it('counts calendar months, ending on the last day of a shorter month', () => {
    assert.equal(staleFrom(new Date('2025-08-31T12:00:00Z')), '2026-02-28');
    assert.equal(staleFrom(new Date('2027-08-31T12:00:00Z')), '2028-02-29');
    assert.equal(staleFrom(new Date('2026-03-31T12:00:00Z')), '2026-09-30');
  });

  it('crosses the year', () => {
    assert.equal(staleFrom(new Date('2026-07-15T12:00:00Z')), '2027-01-15');
    assert.equal(staleFrom(new Date('2026-12-01T12:00:00Z')), '2027-06-01');
  });
});
