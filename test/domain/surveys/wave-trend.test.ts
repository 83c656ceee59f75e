import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeWaveTrend, percentagePositive, waveTrend, type WaveFigure } from '../../../src/domain/surveys/index.ts';
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

describe('describeWaveTrend(trend, waves)', () => {
  it('says five rising waves are getting better, with the test, its level and p-value, and the last step with both figures', () => {
    const waves = [wave(1, 400), wave(2, 450), wave(3, 500), wave(4, 550), wave(5, 650)];
    const words = describeWaveTrend(waveTrend(waves), waves);
    assert.equal(words.direction.headline, 'Better than the wave before');
    assert.equal(words.direction.reason, '65% in wave 5 (95% interval 62% to 68%) against 55% in wave 4 (52% to 58%): the two intervals do not overlap.');
    assert.equal(words.recent.headline, 'Getting better over the last five waves');
    assert.equal(
      words.recent.reason,
      'The chi-squared test for trend in proportions, from counts over the last five waves, at 99.8% (p under 0.001) finds a change that is very unlikely to be chance.',
    );
  });

  it('names the waves by their labels, and calls overlapping intervals no real change', () => {
    const waves = [
      { ...wave(1, 540), label: 'the 2022/23 survey' },
      { ...wave(2, 550), label: 'the 2023/24 survey' },
    ];
    const words = describeWaveTrend(waveTrend(waves), waves);
    assert.equal(words.direction.headline, 'No real change from the wave before');
    assert.equal(
      words.direction.reason,
      '55% in the 2023/24 survey (95% interval 52% to 58%) against 54% in the 2022/23 survey (51% to 57%): the two intervals overlap, so the difference could be chance.',
    );
    assert.deepEqual(words.recent, { headline: 'No trend tested yet', reason: 'A trend is tested over five waves in a row, and there are 2.' });
  });

  it('says why nothing was judged: one wave, a missing wave, a break among the last five', () => {
    const one = [wave(1, 400)];
    assert.deepEqual(describeWaveTrend(waveTrend(one), one).direction, { headline: 'Not judged', reason: 'There is no earlier wave to compare wave 1 with.' });
    assert.equal(describeWaveTrend(waveTrend(one), one).recent.reason, 'A trend is tested over five waves in a row, and there is 1.');
    const gap = [wave(1, 400), wave(3, 450)];
    assert.equal(describeWaveTrend(waveTrend(gap), gap).direction.reason, 'The wave before wave 3 is missing, so there is nothing to compare it with.');
    const broken = [wave(1, 400), wave(2, 450), wave(4, 550), wave(5, 600), wave(6, 650)];
    assert.equal(describeWaveTrend(waveTrend(broken), broken).recent.reason, 'A wave is missing among the last five, or has no result, and a trend is tested only over five waves in a row.');
    assert.deepEqual(describeWaveTrend(waveTrend([]), []).direction, { headline: 'Not judged', reason: 'There are no results to judge.' });
  });
});
