// A new version of the deadline rules as someone wrote it: today's rules pass
// as they are; every mistake is named by its field's path, all at once.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkDeadlineRules } from '../../../src/domain/peer-challenge/deadline-rules-check.ts';
import { DEADLINE_RULES } from '../../../src/domain/peer-challenge/index.ts';

const fields = (value: unknown) => {
  const checked = checkDeadlineRules(value);
  return checked.kind === 'ok' ? [] : checked.problems.map((p) => p.field);
};

describe('checkDeadlineRules(value)', () => {
  it("passes today's rules, as JSON would carry them", () => {
    const checked = checkDeadlineRules(JSON.parse(JSON.stringify({ ...DEADLINE_RULES, version: 2 })));
    assert.equal(checked.kind, 'ok');
    assert.deepEqual(checked.kind === 'ok' && checked.rules, { ...DEADLINE_RULES, version: 2 });
  });

  it('names every problem by its path', () => {
    const bad = {
      version: 1.5,
      from: '2026-13-01',
      items: [
        { item: 'report', months: 3, latestMonths: 2, kinds: ['corporate'] },
        { item: 'minutes', months: 0, latestMonths: null, kinds: [] },
        { item: 'report', months: 4, latestMonths: null, kinds: ['corporate', 'civic'] },
      ],
      cadence: [{ kind: 'corporate', everyYears: 30, authorityTypes: 'all' }],
      source: ' ',
      extra: true,
    };
    assert.deepEqual(fields(bad).sort(), [
      'cadence[0].authorityTypes',
      'cadence[0].everyYears',
      'extra',
      'from',
      'items[0].latestMonths',
      'items[1].item',
      'items[1].kinds',
      'items[1].months',
      'items[2].kinds[1]',
      'source',
      'version',
    ]);
  });

  it("refuses a second rule for the same item and kind, and what is not the rules' shape", () => {
    const twice = { ...DEADLINE_RULES, version: 2, items: [...DEADLINE_RULES.items, { item: 'report', months: 2, latestMonths: null, kinds: ['adults'] }] };
    assert.deepEqual(fields(JSON.parse(JSON.stringify(twice))), [`items[${DEADLINE_RULES.items.length}].kinds`]);
    assert.deepEqual(fields([]), ['rules']);
    assert.deepEqual(fields({ ...DEADLINE_RULES, version: 2, items: [] }), ['items']);
    assert.deepEqual(fields({ ...DEADLINE_RULES, version: 2, cadence: [] }), [], 'no cadence at all is a rule a manager may make');
  });
});
