import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkSaving, countsUnderRule, INDICATOR_RULE_2008, type Saving } from '../../../src/domain/savings/index.ts';
import { SAVING } from './saving-fixture.ts';

const DOCUMENT = { kind: 'document', reference: 'Joint committee minutes, 12 March 2009, item 4' } as const;
const fields = (saving: Saving) => checkSaving(saving).map((p) => p.field);

describe('checkSaving(saving)', () => {
  it('records an estimate without evidence, and a verified saving with its evidence and verifier', () => {
    assert.deepEqual(checkSaving(SAVING), []);
    assert.deepEqual(checkSaving({ ...SAVING, status: 'verified', evidence: DOCUMENT, verifiedBy: 'Priya Shah' }), []);
    assert.deepEqual(checkSaving({ ...SAVING, status: 'evidenced', evidence: { kind: 'observation', metricCode: 'net-revenue-expenditure', areaCode: 'E07000200', period: '2009/10' } }), []);
  });

  it('refuses a negative saving, naming the field', () => {
    assert.deepEqual(
      checkSaving({ ...SAVING, amount: -500 }).map((p) => p.message),
      ["'amount': a saving is not negative (-500); a cost is not a saving"],
    );
    assert.deepEqual(fields({ ...SAVING, amount: Number.NaN }), ['amount']);
  });

  it('refuses "evidenced" without evidence', () => {
    assert.deepEqual(
      checkSaving({ ...SAVING, status: 'evidenced' }).map((p) => p.message),
      ["'evidence': a saving evidenced needs its evidence: a document or an observation in the hub"],
    );
    assert.deepEqual(fields({ ...SAVING, status: 'verified', verifiedBy: 'Priya Shah' }), ['evidence']);
  });

  it('refuses empty evidence, a period it cannot read, and a verifier out of place', () => {
    assert.deepEqual(fields({ ...SAVING, status: 'evidenced', evidence: { kind: 'document', reference: ' ' } }), ['evidence.reference']);
    assert.deepEqual(fields({ ...SAVING, status: 'evidenced', evidence: { kind: 'observation', metricCode: '', areaCode: '', period: 'soon' } }), [
      'evidence.metricCode',
      'evidence.areaCode',
      'evidence.period',
    ]);
    assert.deepEqual(fields({ ...SAVING, status: 'verified', evidence: DOCUMENT, verifiedBy: null }), ['verifiedBy']);
    assert.deepEqual(fields({ ...SAVING, status: 'claimed', evidence: DOCUMENT, verifiedBy: 'Priya Shah' }), ['verifiedBy']);
  });

  it('refuses a year that is not a financial year, a fraction of a year, and an unknown source or status', () => {
    assert.deepEqual(fields({ ...SAVING, year: '2008', lastsFullYears: 1.5, source: 'luck' as never, status: 'hoped' as never }), ['year', 'lastsFullYears', 'source', 'status']);
  });
});

describe('countsUnderRule(saving, rule)', () => {
  it('counts a cash-releasing saving that lasts two full years or more', () => {
    assert.deepEqual(countsUnderRule({ ...SAVING, lastsFullYears: 2 }), { counts: true, reason: 'cash-releasing and lasts 2 full financial years' });
  });

  it('leaves out one that lasts a year, or releases no cash, saying why', () => {
    assert.deepEqual(countsUnderRule({ ...SAVING, lastsFullYears: 1 }), { counts: false, reason: 'lasts 1 full financial year(s), fewer than 2' });
    assert.equal(countsUnderRule({ ...SAVING, cashReleasing: false }).reason, 'not cash-releasing');
    assert.equal(countsUnderRule({ ...SAVING, cashReleasing: false }, { ...INDICATOR_RULE_2008, version: 2, cashReleasingOnly: false }).counts, true);
  });
});
