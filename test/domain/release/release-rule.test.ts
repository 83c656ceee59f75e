import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkReleaseRule, describeRule, isReleasable, RELEASE_DEFAULTS, releaseDefaultsOn, releaseOutcome, ruleFor, type ReleaseDefaults } from '../../../src/domain/release/index.ts';

describe('checkReleaseRule(given)', () => {
  it('reads each kind of rule', () => {
    assert.deepEqual(checkReleaseRule({ kind: 'private' }), { kind: 'valid', rule: { kind: 'private' } });
    assert.deepEqual(checkReleaseRule({ kind: 'public_from', publicFrom: '2027-04-01T00:00:00+01:00' }), {
      kind: 'valid',
      rule: { kind: 'public_from', instant: new Date('2027-03-31T23:00:00Z') },
    });
    assert.deepEqual(checkReleaseRule({ kind: 'public_after_period', monthsAfter: '12' }), { kind: 'valid', rule: { kind: 'public_after_period', months: 12 } });
  });

  it('names the field of each bad rule', () => {
    const fieldOf = (given: Record<string, unknown>) => {
      const check = checkReleaseRule(given);
      return check.kind === 'invalid' ? check.problems.map((p) => [p.field, p.message]) : [];
    };
    assert.deepEqual(fieldOf({ kind: 'soon' }), [['kind', "'kind' must be one of private, public_from, public_after_period, not 'soon'"]]);
    assert.deepEqual(fieldOf({ kind: 'public_from', publicFrom: '2027-04-01' }), [
      ['publicFrom', "'publicFrom' must be an instant with its zone, such as 2027-04-01T00:00:00+01:00, not '2027-04-01'"],
    ]);
    assert.deepEqual(fieldOf({ kind: 'public_from', publicFrom: '2027-02-30T00:00:00Z' }).length, 1);
    assert.deepEqual(fieldOf({ kind: 'public_after_period', monthsAfter: 121 }), [['monthsAfter', "'monthsAfter' must be a whole number of months from 0 to 120, not '121'"]]);
    assert.deepEqual(fieldOf({ kind: 'public_after_period', monthsAfter: 1.5 })[0]?.[0], 'monthsAfter');
    assert.deepEqual(fieldOf({ kind: 'public_after_period' })[0]?.[0], 'monthsAfter');
  });
});

describe('describeRule(rule)', () => {
  it('says each rule in words', () => {
    assert.equal(describeRule({ kind: 'private' }), 'private to the council until it sets a release');
    assert.equal(describeRule({ kind: 'public_after_period', months: 12 }), 'public one year after the end of its period');
    assert.equal(describeRule({ kind: 'public_after_period', months: 3 }), 'public 3 months after the end of its period');
    assert.equal(describeRule({ kind: 'public_after_period', months: 0 }), 'public as soon as its period ends');
  });
});

describe('release defaults', () => {
  it('keep returns private and make survey results public a year after their period (version 1)', () => {
    const defaults = releaseDefaultsOn('2027-01-01');
    assert.equal(defaults.version, 1);
    assert.deepEqual(ruleFor(null, 'return', defaults), { kind: 'private' });
    assert.deepEqual(ruleFor(null, 'survey', defaults), { kind: 'public_after_period', months: 12 });
  });

  it("give way to the council's own rule", () => {
    assert.deepEqual(ruleFor({ kind: 'public_after_period', months: 1 }, 'return', RELEASE_DEFAULTS[0]!), { kind: 'public_after_period', months: 1 });
  });

  it('are read by the day a version applies from', () => {
    const later: ReleaseDefaults = { ...RELEASE_DEFAULTS[0]!, version: 2, from: '2028-04-01', rules: { ...RELEASE_DEFAULTS[0]!.rules, return: { kind: 'public_after_period', months: 6 } } };
    const versions = [RELEASE_DEFAULTS[0]!, later];
    assert.equal(releaseDefaultsOn('2028-03-31', versions).version, 1);
    assert.equal(releaseDefaultsOn('2028-04-01', versions).version, 2);
  });

  it('are frozen', () => {
    assert.throws(() => ((RELEASE_DEFAULTS as ReleaseDefaults[])[0] = RELEASE_DEFAULTS[0]!));
  });
});

describe('releaseOutcome(observationNow)', () => {
  it('loads a value over nothing or over an earlier release, and never over an official value', () => {
    assert.equal(releaseOutcome('none'), 'load');
    assert.equal(releaseOutcome('released'), 'load');
    assert.equal(releaseOutcome('official'), 'official_stands');
  });
});

describe('isReleasable(held)', () => {
  it('refuses a provisional value and a period left blank', () => {
    assert.equal(isReleasable({ provisional: false, value: 3 }), true);
    assert.equal(isReleasable({ provisional: true, value: 3 }), false);
    assert.equal(isReleasable({ provisional: false, value: null }), false);
  });
});
