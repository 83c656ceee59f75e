// Format date: instants on London's clock, GMT and BST, whatever the
// server's own zone, in the one style pages and reports use.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { formatDate } from '../../../src/domain/format/index.ts';

describe('formatDate(instant, precision)', () => {
  it('writes the day as GOV.UK writes dates', () => {
    assert.equal(formatDate(new Date('2026-11-25T09:00:00Z')), '25 November 2026');
    assert.equal(formatDate(new Date('2024-02-29T12:00:00Z'), 'day'), '29 February 2024');
  });

  it("takes the day from London's clock: half past midnight in summer is the next day", () => {
    const instant = new Date('2026-06-30T23:30:00Z');
    assert.equal(formatDate(instant), '1 July 2026');
    assert.equal(formatDate(instant, 'minute'), '1 July 2026, 00:30');
  });

  it('is on GMT in winter and BST in summer', () => {
    assert.equal(formatDate(new Date('2026-01-15T14:05:00Z'), 'minute'), '15 January 2026, 14:05');
    assert.equal(formatDate(new Date('2026-07-15T14:05:00Z'), 'minute'), '15 July 2026, 15:05');
  });

  it('gives the seconds where they are asked for, on the 24-hour clock', () => {
    assert.equal(formatDate(new Date('2026-03-29T00:59:59Z'), 'second'), '29 March 2026, 00:59:59');
    assert.equal(formatDate(new Date('2026-03-29T01:00:00Z'), 'second'), '29 March 2026, 02:00:00');
    assert.equal(formatDate(new Date('2026-12-31T23:05:09Z'), 'second'), '31 December 2026, 23:05:09');
  });

  it('refuses an invalid date rather than writing "Invalid Date"', () => {
    assert.throws(() => formatDate(new Date('not a date')), RangeError);
  });
});
