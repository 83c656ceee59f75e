// checkIntelligenceItem(input): a specific, evidence-based note, or every
// problem named by its field; an item without evidence is never shareable.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkIntelligenceItem, riskFactorOf, type IntelligenceCheck } from '../../../src/domain/access/index.ts';

const GOOD = Object.freeze({
  subjectArea: 'e06000047',
  cause: 'financial_difficulty',
  title: 'Reserves falling fast',
  note: 'General fund reserves fell by a third in 2023/24; the s151 officer has warned members.',
  evidence: Object.freeze([
    Object.freeze({ kind: 'observation', metric: 'reserves-ratio', area: 'E06000047', period: '2023/24' }),
    Object.freeze({ kind: 'source', description: 'Statement of accounts 2023/24, note 12', url: 'https://example.org/accounts.pdf' }),
  ]),
});

/** GOOD as a client written before causes would send it: no cause. */
const OLD = Object.freeze(Object.fromEntries(Object.entries(GOOD).filter(([key]) => key !== 'cause')));

const fields = (check: IntelligenceCheck) => (check.kind === 'invalid' ? check.problems.map((p) => p.field) : []);

describe('checkIntelligenceItem(input)', () => {
  it('accepts a specific note with evidence: confidential and not shareable unless said', () => {
    const check = checkIntelligenceItem(GOOD);
    assert.equal(check.kind, 'valid');
    assert.ok(check.kind === 'valid');
    assert.equal(check.item.subjectArea, 'E06000047');
    assert.equal(check.item.classification, 'confidential');
    assert.equal(check.item.shareable, false);
    assert.deepEqual(check.item.evidence[1], { kind: 'source', description: 'Statement of accounts 2023/24, note 12', url: 'https://example.org/accounts.pdf' });
  });

  it('refuses to save an item without evidence as shareable, naming the evidence', () => {
    assert.deepEqual(fields(checkIntelligenceItem({ ...GOOD, evidence: [], shareable: true })), ['evidence']);
    assert.equal(checkIntelligenceItem({ ...GOOD, evidence: [], shareable: false }).kind, 'valid');
    assert.equal(checkIntelligenceItem({ ...GOOD, shareable: true }).kind, 'valid');
  });

  it('names every missing or wrong field', () => {
    assert.deepEqual(fields(checkIntelligenceItem({})), ['subjectArea', 'cause', 'title', 'note']);
    assert.deepEqual(fields(checkIntelligenceItem({ ...GOOD, subjectArea: 'Durham', cause: 'gossip', bestValueTheme: 'vibes', classification: 'secret', shareable: 'yes' })), [
      'subjectArea',
      'cause',
      'bestValueTheme',
      'classification',
      'shareable',
    ]);
  });

  it('files an item under a cause and a Best Value theme, the theme the cause usually takes when none is given', () => {
    const check = checkIntelligenceItem(GOOD);
    assert.ok(check.kind === 'valid');
    assert.equal(check.item.cause, 'financial_difficulty');
    assert.equal(check.item.bestValueTheme, 'use_of_resources');
    const chosen = checkIntelligenceItem({ ...GOOD, cause: 'relationships', bestValueTheme: 'governance' });
    assert.ok(chosen.kind === 'valid');
    assert.deepEqual([chosen.item.cause, chosen.item.bestValueTheme], ['relationships', 'governance']);
  });

  it("reads an old client's riskFactor as the cause: leadership and relationships as leadership", () => {
    const check = checkIntelligenceItem({ ...OLD, riskFactor: 'leadership_and_relationships' });
    assert.ok(check.kind === 'valid');
    assert.deepEqual([check.item.cause, check.item.bestValueTheme], ['leadership', 'leadership']);
    assert.equal(riskFactorOf('relationships'), 'leadership_and_relationships');
    assert.equal(riskFactorOf('disengagement'), 'disengagement');
  });

  it('names riskFactor when it is not an old risk factor, or disagrees with the cause given beside it', () => {
    assert.deepEqual(fields(checkIntelligenceItem({ ...OLD, riskFactor: 'relationships' })), ['riskFactor']);
    assert.deepEqual(fields(checkIntelligenceItem({ ...GOOD, riskFactor: 'disengagement' })), ['riskFactor']);
    assert.equal(checkIntelligenceItem({ ...GOOD, cause: 'relationships', riskFactor: 'leadership_and_relationships' }).kind, 'valid');
    assert.deepEqual(fields(checkIntelligenceItem({ ...GOOD, bestValueTheme: '' })), ['bestValueTheme']);
  });

  it('a note must be specific: at least 20 characters', () => {
    assert.deepEqual(fields(checkIntelligenceItem({ ...GOOD, note: 'Worried.' })), ['note']);
  });

  it('checks each piece of evidence and names its place in the list', () => {
    const check = checkIntelligenceItem({
      ...GOOD,
      evidence: [
        { kind: 'observation', metric: 'Bad Code', area: 'E06000047', period: '2023/24' },
        { kind: 'observation', metric: 'reserves', area: 'E06000047', period: 'last year' },
        { kind: 'source', description: 'rumour' },
        { kind: 'source', description: 'A described source of ten', url: 'javascript:alert(1)' },
        { kind: 'hearsay' },
        'text',
      ],
    });
    assert.deepEqual(fields(check), ['evidence[0].metric', 'evidence[1].period', 'evidence[2].description', 'evidence[3].url', 'evidence[4].kind', 'evidence[5].kind']);
  });

  it('refuses control characters and over-long text', () => {
    assert.deepEqual(fields(checkIntelligenceItem({ ...GOOD, title: 'a\u0000b' })), ['title']);
    assert.deepEqual(fields(checkIntelligenceItem({ ...GOOD, title: 'x'.repeat(201) })), ['title']);
  });
});
