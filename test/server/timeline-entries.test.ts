// A timeline's entries from rows, in words: each thing that happened in one
// sentence with its link, a case's opening before its outcome on the same
// instant, and words people typed ended as sentences.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { caseEntries, eventEntry, flagEntries, newestFirst, outcomeEntry } from '../../src/server/features/timeline/timeline-entries.ts';

const at = (iso: string) => new Date(iso);
const CASE = Object.freeze({
  id: 7,
  strands: Object.freeze(['corporate', 'adults']),
  openedFrom: 'intelligence',
  leadAdviserId: 1,
  ownerOrganisationId: 2,
  openedAt: at('2026-02-01T10:00:00Z'),
  closure: null,
  closureReason: null,
  closedOn: null,
  sharedWithOrganisations: Object.freeze([]),
  sharedWithUsers: Object.freeze([]),
});

describe('flagEntries(area, flag)', () => {
  it('a flag still open is one entry; a cleared one is two, each linking to the risk view', () => {
    const flag = { id: 3, rule: 'reserves_horizon', metric: null, metricTitle: null, sentence: 'Reserves run out in 2.1 years.', raisedAt: at('2026-01-01'), clearedAt: null };
    assert.deepEqual(
      flagEntries('E06000047', flag).map((e) => [e.kind, e.sentence, e.href]),
      [['flag_raised', 'Flag raised: Reserves run out in 2.1 years.', '/areas/E06000047/risk']],
    );
    const cleared = flagEntries('E06000047', { ...flag, clearedAt: at('2026-03-01') });
    assert.deepEqual(
      cleared.map((e) => e.sentence),
      ['Flag raised: Reserves run out in 2.1 years.', 'Flag cleared: Reserves would run out within three years no longer applies.'],
    );
  });
});

describe('caseEntries, outcomeEntry, eventEntry', () => {
  it('says how a case began, its strands, and how it closed with its reason as a sentence', () => {
    const [opened, closed] = caseEntries({ ...CASE, closure: 'improved', closureReason: 'Both flags cleared', closedOn: at('2026-09-30') });
    assert.equal(opened!.sentence, "Improvement case opened (Corporate, Adults' services). How it began: intelligence about the council.");
    assert.equal(closed!.sentence, 'Improvement case closed: improved. Both flags cleared.');
    assert.deepEqual([closed!.href, closed!.linkText], ['/cases/7', 'Improvement case 7']);
  });

  it('gives a Best Value Notice its days and says when it is a renewal', () => {
    const event = { id: 1, caseId: 7, kind: 'best_value_notice', description: 'Governance', startsOn: at('2026-03-01'), endsOn: at('2026-08-31'), renews: true };
    assert.equal(eventEntry(event).sentence, 'Best Value Notice renewed, from 1 March 2026 to 31 August 2026: Governance.');
    assert.equal(eventEntry({ ...event, endsOn: null, renews: false }).sentence, 'Best Value Notice, from 1 March 2026: Governance.');
  });
});

describe('newestFirst(entries)', () => {
  it('puts the newest first, and on the same instant what happened later in the story first', () => {
    const [opened] = caseEntries(CASE);
    const outcome = outcomeEntry({ id: 1, caseId: 7, outcome: 'not_accepted', reason: 'r', decidedOn: CASE.openedAt });
    const older = { ...opened!, at: at('2025-01-01') };
    assert.deepEqual(
      newestFirst(Object.freeze([older, opened!, outcome])).map((e) => e.kind),
      ['outcome', 'case_opened', 'case_opened'],
    );
  });
});
