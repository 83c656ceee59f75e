// The process limits view of a target's in-year series: the domain judges
// the chart; the view draws it and says the variation, the assurance and the
// rules that fired at each point in words, or why there are no limits.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { spcChart } from '../../../src/domain/targets/index.ts';
import { spcView } from '../../../src/web/views/spc-view.ts';

const SUBJECT = { metricTitle: 'Households owed a relief duty', areaCode: 'E06000047', areaName: 'County Durham', decimals: 0, unit: 'households' };
const quarters = (values: readonly number[]) => values.map((value, i) => ({ period: `${2018 + Math.floor(i / 4)}/${String((19 + Math.floor(i / 4)) % 100).padStart(2, '0')} Q${(i % 4) + 1}`, value }));
const STEADY = [410, 395, 402, 420, 398, 405, 415, 400, 392, 408, 411, 399, 404, 396];

describe('the process limits view', () => {
  it('says a run above the mean is concern where lower is better, and names the rule at each point', () => {
    const series = quarters([...STEADY, 450, 455, 452, 460, 458, 457, 462]);
    const view = spcView(spcChart(series, 'lower_is_better', 380), SUBJECT);
    assert.equal(view.kind, 'chart');
    if (view.kind !== 'chart') return;
    assert.equal(view.variation, 'Special cause variation: concern');
    assert.equal(view.assurance, 'Consistently fails the target');
    assert.equal(view.rows.length, series.length);
    assert.match(view.rows[view.rows.length - 1]!.signals, /outside the process limits|one side of the mean/);
    assert.match(view.rules, /7 points each rising or each falling/);
    for (const name of ['Upper process limit', 'Mean', 'Lower process limit', 'County Durham']) assert.ok(view.chart.includes(name), name);
  });

  it('says why there are no limits below 13 points', () => {
    const view = spcView(spcChart(quarters(STEADY.slice(0, 12)), 'lower_is_better', 380), SUBJECT);
    assert.equal(view.kind, 'too_few_points');
    assert.match(view.kind === 'too_few_points' ? view.reason : '', /13/);
  });
});
