import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { latestFigure, metricTitle } from '../../../src/domain/support/index.ts';
import { buildIndex, indexArea, indexMetric } from '../../support/benchmark-index.ts';

const DURHAM = indexArea('E06000047', 'County Durham', 'unitary');
const HARTLEPOOL = indexArea('E06000001', 'Hartlepool', 'unitary');
const index = buildIndex(
  [DURHAM, HARTLEPOOL],
  [
    [
      indexMetric('reserves', { title: 'Usable reserves' }),
      [
        ['2022', 'E06000047', 10, 8, 12],
        ['2023', 'E06000047', 14, 12, 16],
        ['2024', 'E06000047', null],
        ['2024', 'E06000001', 5],
      ],
    ],
  ],
);

describe('latestFigure', () => {
  it('reads the latest value with its interval, passing over a suppressed one', () => {
    assert.deepEqual(latestFigure(index, 'reserves', 'E06000047'), { period: '2023', value: 14, lower: 12, upper: 16 });
  });

  it('gives no interval where the data have none, and null for a metric or council the index does not hold', () => {
    assert.deepEqual(latestFigure(index, 'reserves', 'E06000001'), { period: '2024', value: 5, lower: null, upper: null });
    assert.equal(latestFigure(index, 'nothing', 'E06000047'), null);
    assert.equal(latestFigure(index, 'reserves', 'E06000099'), null);
  });

  it('names the metric by its title', () => {
    assert.equal(metricTitle(index, 'reserves'), 'Usable reserves');
    assert.equal(metricTitle(index, 'nothing'), 'nothing');
  });
});
