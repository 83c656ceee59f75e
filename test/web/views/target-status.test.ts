// The target-status tile and a target's row: an area's targets counted by
// band (each once, by that area's rating), every band named and said in
// words, the rules that rated them each named once, and each row's rating in
// words beside its rule's words, or the reason it has none.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Rating } from '../../../src/domain/targets/index.ts';
import { targetRow, targetStatus, worstFirst, type TargetLine } from '../../../src/web/views/target-status.ts';

const TEN = 'Green: on or within 10% of the trajectory; red: otherwise';
const HALF = 'Green: on or within 0.5 of the trajectory; amber: more than 0.5 off but within 1.5; red: otherwise';
const DURHAM = { code: 'E06000047', name: 'County Durham' };
const LEEDS = { code: 'E08000035', name: 'Leeds' };

function line(reference: string, rating: Rating, area = DURHAM, actual: number | null = 66.7): TargetLine {
  return Object.freeze({
    agreement: { id: 3, title: 'Council plan' },
    target: { id: Number(reference.slice(3)), reference },
    metric: { code: 'active', title: 'Active adults', unit: '%', decimals: 1 },
    area,
    period: actual === null ? null : '2021/22',
    actual,
    expected: actual === null ? null : 67.1,
    goal: { period: '2022/23', value: 68 },
    rating,
  });
}

const LINES = Object.freeze([
  line('PH 1', { band: 'green', rule: TEN }),
  line('PH 2', { band: 'red', rule: TEN }),
  line('PH 3', { band: 'amber', rule: HALF }),
  line('PH 4', { notRated: 'no_data', rule: TEN }, DURHAM, null),
  line('PH 1', { band: 'red', rule: TEN }, LEEDS),
]);

describe('targetStatus(area, lines)', () => {
  it("counts only the area's own ratings, a band each, with the reasons and rules each once", () => {
    const status = targetStatus(DURHAM, LINES);
    assert.equal(status.targets, 4);
    assert.deepEqual(
      status.bands.map((b) => [b.label, b.count, b.colour]),
      [
        ['Green', 1, 'green'],
        ['Amber', 1, 'yellow'],
        ['Red', 1, 'red'],
        ['Not rated', 1, 'grey'],
      ],
    );
    assert.equal(status.summary, '4 targets: 1 green, 1 amber, 1 red, 1 not rated');
    assert.deepEqual(status.reasons, ['No data yet']);
    assert.deepEqual(status.rules, [TEN, HALF]);
    assert.ok(
      status.bands.every((b) => b.meaning.length > 10),
      'each band said in words',
    );
  });

  it('says one target, and none, in words', () => {
    assert.equal(targetStatus(LEEDS, LINES).summary, '1 target: 0 green, 0 amber, 1 red, 0 not rated');
    const none = targetStatus({ code: 'E09000001', name: 'City of London' }, LINES);
    assert.equal(none.summary, '0 targets: 0 green, 0 amber, 0 red, 0 not rated');
    assert.deepEqual(none.rules, []);
  });
});

describe('targetRow(line)', () => {
  it("links the target's page and writes its figures with the metric's unit and decimals", () => {
    const row = targetRow(LINES[0]!);
    assert.equal(row.href, '/agreements/3/targets/1');
    assert.equal(row.name, 'PH 1: Active adults');
    assert.equal(row.goal, '68.0% by 2022/23');
    assert.equal(row.actual, '66.7% (2021/22)');
    assert.equal(row.trajectory, '67.1%');
    assert.deepEqual([row.tag, row.colour, row.reason, row.rule], ['Green', 'green', null, TEN]);
  });

  it('gives a target not rated its reason in words, and still its rule', () => {
    const row = targetRow(LINES[3]!);
    assert.deepEqual([row.tag, row.reason, row.actual, row.trajectory, row.rule], ['Not rated', 'No data yet', 'No figure yet', '–', TEN]);
  });

  it('says when a placeholder target is due rather than a value', () => {
    assert.equal(targetRow({ ...LINES[0]!, goal: { period: '2022/23', value: null } }).goal, 'Due 2022/23');
  });
});

describe('worstFirst(lines)', () => {
  it('puts red, then amber, then green, then those not rated, keeping the given order within each', () => {
    assert.deepEqual(
      worstFirst(LINES).map((l) => `${l.target.reference} ${l.area.name}`),
      ['PH 2 County Durham', 'PH 1 Leeds', 'PH 3 County Durham', 'PH 1 County Durham', 'PH 4 County Durham'],
    );
  });
});
