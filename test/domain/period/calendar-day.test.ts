import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isIsoDay } from '../../../src/domain/period/index.ts';

describe('isIsoDay(text)', () => {
  it('takes a day of the calendar written YYYY-MM-DD, a leap day among them', () => {
    for (const day of ['2026-12-05', '2024-02-29', '2000-02-29', '1999-12-31']) assert.equal(isIsoDay(day), true, day);
  });

  it('refuses a day that never was', () => {
    for (const day of ['2026-02-30', '2023-02-29', '1900-02-29', '2026-13-01', '2026-04-31', '2026-00-10']) assert.equal(isIsoDay(day), false, day);
  });

  it('refuses another way of writing a day, a time, and what is not text', () => {
    for (const text of ['05/12/2026', '2026-12-5', '2026-12-05T10:00', ' 2026-12-05', '', null, undefined, 20261205]) assert.equal(isIsoDay(text), false, String(text));
  });
});
