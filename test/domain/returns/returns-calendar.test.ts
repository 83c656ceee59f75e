import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { londonDay } from '../../../src/domain/format/index.ts';
import { returnCalendar, type HeldPeriod, type ReturnCommitment } from '../../../src/domain/returns/index.ts';

const QUARTERLY: ReturnCommitment = Object.freeze({
  returnId: 7,
  areaCode: 'E06000047',
  metricCode: 'local-e06000047-missed-bins',
  firstPeriod: '2025/26 Q2',
  lastPeriod: null,
  dueRule: Object.freeze({ kind: 'working_days_after', days: 20 }),
});
const NONE: ReadonlyMap<string, HeldPeriod> = new Map();
const statesOn = (today: string, held = NONE, commitment = QUARTERLY) => returnCalendar(commitment, held, today).map((e) => [e.period, e.due, e.state]);

describe('returnCalendar(commitment, held, today)', () => {
  it('runs from the first period to the one in progress', () => {
    assert.deepEqual(statesOn('2026-01-15'), [
      ['2025/26 Q2', '2025-10-28', 'overdue'],
      ['2025/26 Q3', '2026-01-29', 'due'],
      ['2025/26 Q4', '2026-04-30', 'upcoming'],
    ]);
  });

  it('is due, not overdue, on the due date itself, and overdue the day after', () => {
    assert.equal(statesOn('2026-01-29')[1]?.[2], 'due');
    assert.equal(statesOn('2026-01-30')[1]?.[2], 'overdue');
  });

  it('is upcoming on the period’s last day and due the day after', () => {
    assert.equal(statesOn('2025-12-31')[1]?.[2], 'upcoming');
    assert.equal(statesOn('2026-01-01')[1]?.[2], 'due');
  });

  it('counts a held value as received, provisional or not, and a blank with a note as explained', () => {
    const held = new Map<string, HeldPeriod>([
      ['2025/26 Q2', { hasValue: true, provisional: true, note: null }],
      ['2025/26 Q3', { hasValue: false, provisional: true, note: 'Figures delayed by a new system' }],
    ]);
    const entries = returnCalendar(QUARTERLY, held, '2026-02-15');
    assert.deepEqual(
      entries.map((e) => [e.state, e.provisional]),
      [
        ['received', true],
        ['explained', null],
        ['upcoming', null],
      ],
    );
  });

  it('counts a blank without a note as not received', () => {
    const held = new Map<string, HeldPeriod>([['2025/26 Q2', { hasValue: false, provisional: true, note: null }]]);
    assert.equal(returnCalendar(QUARTERLY, held, '2026-01-15')[0]?.state, 'overdue');
  });

  it('stops at the last period a commitment names', () => {
    assert.deepEqual(
      statesOn('2026-12-05', NONE, { ...QUARTERLY, lastPeriod: '2025/26 Q3' }).map((e) => e[0]),
      ['2025/26 Q2', '2025/26 Q3'],
    );
  });

  it('is empty before the first period begins', () => {
    assert.deepEqual(statesOn('2025-06-30'), []);
  });
});

describe('londonDay(instant)', () => {
  it('is London’s date: 23:30 UTC on 1 July is 2 July in London', () => {
    assert.equal(londonDay(new Date(Date.UTC(2026, 6, 1, 23, 30))), '2026-07-02');
  });

  it('is the UTC date in winter', () => {
    assert.equal(londonDay(new Date(Date.UTC(2026, 11, 5, 23, 30))), '2026-12-05');
  });
});
