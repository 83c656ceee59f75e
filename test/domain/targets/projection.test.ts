// Projection of the trend to the target date: a least squares line and its
// 95% prediction interval worked by hand, the outlook by polarity, the
// refusals, and where judgement and arithmetic disagree.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { disagreements, projectTrend, type Projection } from '../../../src/domain/targets/index.ts';

function projected(projection: Projection): Extract<Projection, { kind: 'projected' }> {
  assert.equal(projection.kind, 'projected', projection.kind === 'not_projected' ? projection.reason : '');
  return projection as Extract<Projection, { kind: 'projected' }>;
}

const YEARS = Object.freeze([
  { period: '2008/09', value: 1 },
  { period: '2009/10', value: 2 },
  { period: '2010/11', value: 2 },
  { period: '2011/12', value: 4 },
]);

describe('projectTrend(actuals, targetPeriod, targetValue, polarity)', () => {
  // By hand: x = 0..3, x̄ 1.5, ȳ 2.25, Sxx 5, Sxy 4.5, so b = 0.9, a = 0.9; residuals 0.1, 0.2, -0.7, 0.4,
  // s² = 0.7 / 2 = 0.35; at x₀ = 5, ŷ = 5.4 and the half-width is t(0.975, 2) = 4.302653 × √0.35 × √(1 + 1/4 + 3.5²/5).
  const HALF = 4.302652729911275 * Math.sqrt(0.35) * Math.sqrt(3.7);

  it('carries the least squares line to the target period with its 95% prediction interval', () => {
    const result = projected(projectTrend(YEARS, '2013/14', 5, 'higher_is_better'));
    assert.ok(Math.abs(result.slope - 0.9) < 1e-12);
    assert.ok(Math.abs(result.value - 5.4) < 1e-12);
    assert.ok(Math.abs(result.upper - (5.4 + HALF)) < 1e-9);
    assert.ok(Math.abs(result.lower - (5.4 - HALF)) < 1e-9);
    assert.equal(result.outlook, 'uncertain');
  });

  it('says likely when the whole interval meets the target, unlikely when it misses, by polarity', () => {
    assert.equal(projected(projectTrend(YEARS, '2013/14', -20, 'higher_is_better')).outlook, 'likely');
    assert.equal(projected(projectTrend(YEARS, '2013/14', 20, 'higher_is_better')).outlook, 'unlikely');
    assert.equal(projected(projectTrend(YEARS, '2013/14', -20, 'lower_is_better')).outlook, 'unlikely');
    assert.equal(projected(projectTrend(YEARS, '2013/14', 20, 'lower_is_better')).outlook, 'likely');
  });

  it('leaves a gap for a missing year rather than closing it', () => {
    const gapped = [YEARS[0]!, YEARS[2]!, YEARS[3]!];
    const result = projected(projectTrend(gapped, '2013/14', 5, 'higher_is_better'));
    // x = 0, 2, 3, ȳ 7/3: Sxx = 42/9, Sxy = (−5/3)(−4/3) + (1/3)(−1/3) + (4/3)(5/3) = 39/9, so b = 13/14.
    assert.ok(Math.abs(result.slope - 13 / 14) < 1e-12);
  });

  it('does not project from fewer than three actuals, nor across kinds of period, and says why', () => {
    const few = projectTrend(YEARS.slice(0, 2), '2013/14', 5, 'higher_is_better');
    assert.deepEqual(few, { kind: 'not_projected', reason: '2 actuals: a projection needs at least 3' });
    const mixed = projectTrend(YEARS, '2013', 5, 'higher_is_better');
    assert.match(mixed.kind === 'not_projected' ? mixed.reason : '', /not of the same kind/);
    assert.equal(projectTrend([], '2013/14', 5, 'higher_is_better').kind, 'not_projected');
  });
});

describe('disagreements(likelihood, arithmetic)', () => {
  const missing = projectTrend(YEARS, '2013/14', 20, 'higher_is_better');
  const meeting = projectTrend(YEARS, '2013/14', -20, 'higher_is_better');

  it('shows a hopeful judgement beside arithmetic that says otherwise', () => {
    assert.deepEqual(
      disagreements('green', { projection: missing, band: 'red', assurance: 'consistently_fail' }).map((d) => d.source),
      ['projection', 'rating', 'assurance'],
    );
    assert.match(disagreements('amber_green', { projection: missing })[0]!.words, /misses the target across its whole 95% interval/);
  });

  it('shows a doubtful judgement beside arithmetic that meets the target', () => {
    assert.deepEqual(
      disagreements('red', { projection: meeting, band: 'green', assurance: 'consistently_pass' }).map((d) => d.source),
      ['projection', 'rating', 'assurance'],
    );
  });

  it('finds none where they agree, nor for amber', () => {
    assert.deepEqual(disagreements('green', { projection: meeting, band: 'green', assurance: 'consistently_pass' }), []);
    assert.deepEqual(disagreements('amber', { projection: missing, band: 'red' }), []);
    assert.deepEqual(disagreements('red', {}), []);
  });
});
