import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { SeenKeys } from '../../src/ingest/seen-keys.ts';

describe('SeenKeys.add(metricId, areaId, period)', () => {
  it('says true the first time a key is given and false after', () => {
    const seen = new SeenKeys();
    assert.equal(seen.add(1, 7, '2023/24'), true);
    assert.equal(seen.add(1, 7, '2023/24'), false);
    assert.equal(seen.add(1, 7, '2023/24'), false);
  });

  type Case = readonly [title: string, key: readonly [metricId: number, areaId: number, period: string]];
  const OTHERS = Object.freeze<readonly Case[]>([
    ['another period', [1, 7, '2022/23']],
    ['another area', [1, 8, '2023/24']],
    ['the neighbouring area in the same byte', [1, 6, '2023/24']],
    ['another metric', [2, 7, '2023/24']],
    ['a provisional (negative) metric id', [-1, 7, '2023/24']],
    ['metric 0', [0, 7, '2023/24']],
  ]);
  for (const [title, [metricId, areaId, period]] of OTHERS) {
    it(`keeps ${title} apart from (1, 7, '2023/24')`, () => {
      const seen = new SeenKeys();
      assert.equal(seen.add(1, 7, '2023/24'), true);
      assert.equal(seen.add(metricId, areaId, period), true);
      assert.equal(seen.add(metricId, areaId, period), false);
      assert.equal(seen.add(1, 7, '2023/24'), false);
    });
  }

  it('keeps provisional metric ids apart from each other and from real ones', () => {
    const seen = new SeenKeys();
    for (const metricId of [-3, -2, -1, 0, 1, 2, 3]) assert.equal(seen.add(metricId, 3, '2020'), true, String(metricId));
    for (const metricId of [-3, -2, -1, 0, 1, 2, 3]) assert.equal(seen.add(metricId, 3, '2020'), false, String(metricId));
  });

  it('grows past the first 512 areas and keeps what it had', () => {
    const seen = new SeenKeys();
    for (const areaId of [0, 7, 8, 511]) assert.equal(seen.add(1, areaId, '2020'), true, String(areaId));
    for (const areaId of [512, 513, 1_023, 1_024, 9_000, 100_000]) {
      assert.equal(seen.add(1, areaId, '2020'), true, String(areaId));
      assert.equal(seen.add(1, areaId, '2020'), false, String(areaId));
    }
    for (const areaId of [0, 7, 8, 511, 512, 513, 1_023, 1_024, 9_000, 100_000]) assert.equal(seen.add(1, areaId, '2020'), false, `kept ${areaId}`);
    for (const areaId of [1, 510, 514, 8_999, 99_999]) assert.equal(seen.add(1, areaId, '2020'), true, `${areaId} was never given`);
  });

  it('agrees with a set of keys over any sequence', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.integer({ min: -5, max: 50 }), fc.oneof(fc.integer({ min: 0, max: 600 }), fc.integer({ min: 0, max: 20_000 })), fc.constantFrom('2020', '2021', '2020/21', '2020 Q1', '2020-03')),
          { maxLength: 400 },
        ),
        (keys) => {
          const seen = new SeenKeys();
          const set = new Set<string>();
          for (const [metricId, areaId, period] of keys) {
            const key = `${metricId}|${areaId}|${period}`;
            assert.equal(seen.add(metricId, areaId, period), !set.has(key), key);
            set.add(key);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
