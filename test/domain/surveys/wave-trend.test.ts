import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { percentagePositive, waveTrend, type WaveFigure } from '../../../src/domain/surveys/index.ts';
import { lgaSet } from './fixtures.ts';

const QUESTION = lgaSet().questions.find((question) => question.code === 'satisfied-with-council')!;

function wave(number: number, positive: number, base = 1000): WaveFigure {
  const counts = { very_satisfied: positive, fairly_satisfied: 0, neither: 0, fairly_dissatisfied: 0, very_dissatisfied: base - positive, dont_know: 0 };
  return { wave: number, figure: percentagePositive(QUESTION, { questionCode: QUESTION.code, counts, base, weighted: null }) };
}

describe('waveTrend(waves, polarity)', () => {
  it('finds five waves rising from 40% to 65% getting better, and the last step improving', () => {
    const trend = waveTrend([wave(1, 400), wave(2, 450), wave(3, 500), wave(4, 550), wave(5, 650)]);
    assert.equal(trend.recent.kind === 'ok' && trend.recent.judgement, 'getting_better');
    assert.equal(trend.direction.kind === 'ok' && trend.direction.judgement, 'improving');
  });

  it('finds a step whose intervals overlap no significant change', () => {
    const trend = waveTrend([wave(1, 540), wave(2, 550)]);
    assert.equal(trend.direction.kind === 'ok' && trend.direction.judgement, 'no_significant_change');
    assert.deepEqual(trend.recent, { kind: 'not_computed', reason: 'fewer_than_five_points' });
  });

  it('takes the waves in their order, whatever order they come in', () => {
    const trend = waveTrend([wave(5, 650), wave(3, 500), wave(1, 400), wave(4, 550), wave(2, 450)]);
    assert.equal(trend.recent.kind === 'ok' && trend.recent.judgement, 'getting_better');
  });

  it('treats a missing wave as a break: no recent trend, and no previous wave for the latest', () => {
    const trend = waveTrend([wave(1, 400), wave(2, 450), wave(4, 550), wave(5, 600), wave(6, 650)]);
    assert.deepEqual(trend.recent, { kind: 'not_computed', reason: 'break_in_series' });
    assert.equal(trend.direction.kind, 'ok');
    const gap = waveTrend([wave(1, 400), wave(3, 450)]);
    assert.deepEqual(gap.direction, { kind: 'not_computed', reason: 'missing_previous_value' });
  });

  it('throws for a wave given twice or a wave number that is not a whole number, programmer errors', () => {
    assert.throws(() => waveTrend([wave(1, 400), wave(1, 450)]), RangeError);
    assert.throws(() => waveTrend([wave(0, 400)]), RangeError);
  });

  it('has no direction without waves', () => {
    assert.deepEqual(waveTrend([]).direction, { kind: 'not_computed', reason: 'missing_latest_value' });
  });
});
