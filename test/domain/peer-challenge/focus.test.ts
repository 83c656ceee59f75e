import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FIVE_CORE_ELEMENTS, FOCUS_RULES, FOCUS_RULES_2011, checkFocus } from '../../../src/domain/peer-challenge/index.ts';

const TODAY = Object.freeze([...FIVE_CORE_ELEMENTS]);

describe('checkFocus(kind, focusAreas, rules)', () => {
  it("accepts today's five core elements with local priorities of the council's own", () => {
    assert.deepEqual(checkFocus('corporate', [...TODAY, 'Housing delivery', 'Climate'], FOCUS_RULES), []);
  });

  it('refuses a corporate focus that drops a core element, naming it', () => {
    const problems = checkFocus(
      'corporate',
      TODAY.filter((e) => e !== 'financial_planning_and_management'),
    );
    assert.deepEqual(
      problems.map((p) => p.field),
      ['focusAreas'],
    );
    assert.match(problems[0]!.message, /always looks at 'Financial planning and management': it cannot be dropped/);
  });

  it('under the 2011 rules, refuses a corporate focus without the core component', () => {
    assert.deepEqual(checkFocus('corporate', ['core_component', 'Regeneration'], FOCUS_RULES_2011), []);
    assert.match(checkFocus('corporate', ['Regeneration'], FOCUS_RULES_2011)[0]!.message, /'Leadership, corporate capacity and financial resilience': it cannot be dropped/);
  });

  it('gives safeguarding less flexibility: its fixed focus and at most one area more', () => {
    assert.deepEqual(checkFocus('safeguarding', ['safeguarding_practice', 'Early help']), []);
    const problems = checkFocus('safeguarding', ['safeguarding_practice', 'Early help', 'Youth justice']);
    assert.match(problems[0]!.message, /less flexibility about its focus: at most 1 area\(s\) of the council's own .*; 2 given/);
    assert.equal(checkFocus('safeguarding', ['Early help']).length, 1);
  });

  it('refuses no focus area at all, blank ones counting as none', () => {
    assert.deepEqual(
      checkFocus('adults', ['  ']).map((p) => p.message),
      ["'focusAreas': give at least one focus area"],
    );
    assert.deepEqual(checkFocus('adults', ['Hospital discharge']), []);
  });
});
