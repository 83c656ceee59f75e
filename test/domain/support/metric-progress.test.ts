import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { metricProgress } from '../../../src/domain/support/index.ts';

const DOWN = { metricCode: 'cin-rate', baselinePeriod: '2023/24', baselineValue: 400, direction: 'down' as const, byPeriod: '2025/26' };
const figure = (period: string, value: number, lower: number | null = null, upper: number | null = null) => ({ period, value, lower, upper });

describe('metricProgress', () => {
  it('is not yet due without a figure after the baseline', () => {
    assert.equal(metricProgress(DOWN, null).verdict, 'not_yet_due');
    assert.equal(metricProgress(DOWN, figure('2023/24', 380)).verdict, 'not_yet_due');
  });

  it('has moved when the interval lies clear of the baseline in the direction agreed', () => {
    const progress = metricProgress(DOWN, figure('2024/25', 360, 340, 380));
    assert.equal(progress.verdict, 'moved');
    assert.equal(progress.significance, 'better');
    assert.match(progress.sentence, /moved as agreed \(significant at 95%\)/);
  });

  it('has moved the wrong way, reported before the by-period', () => {
    const progress = metricProgress(DOWN, figure('2024/25', 450, 420, 480));
    assert.equal(progress.verdict, 'moved_wrong_way');
    assert.equal(progress.due, false);
  });

  it('is not yet due when an interval touching the baseline comes before the by-period, unmoved at it', () => {
    assert.equal(metricProgress(DOWN, figure('2024/25', 390, 370, 410)).verdict, 'not_yet_due');
    const atBy = metricProgress(DOWN, figure('2025/26', 390, 370, 410));
    assert.equal(atBy.verdict, 'unmoved');
    assert.equal(atBy.due, true);
    assert.equal(atBy.significance, 'similar');
  });

  it('without an interval sets the figure against the baseline and says it was not tested', () => {
    const up = { ...DOWN, direction: 'up' as const };
    const progress = metricProgress(up, figure('2025/26', 401));
    assert.equal(progress.verdict, 'moved');
    assert.equal(progress.significance, 'not_compared');
    assert.match(progress.sentence, /not tested for significance/);
    assert.equal(metricProgress(up, figure('2026/27', 400)).verdict, 'unmoved');
    assert.equal(metricProgress(up, figure('2024/25', 399)).verdict, 'moved_wrong_way');
  });
});
