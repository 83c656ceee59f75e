// No peer challenge for longer than the deadline rules allow, as an
// early-warning flag: one flag a council and kind, with no metric, its
// figures and sentence; silent within the rules' years; children's
// safeguarding asked of children's authorities alone; a council whose
// history the programme does not hold never flagged, and one held with none
// on record flagged from when its record begins; a new version of the rules
// that changes the cadence changes the flag's figures, and one that leaves
// it leaves the fingerprint.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fingerprintOf, flagSentence, noPeerChallengeFlags, RULES } from '../../../src/domain/early-warning/index.ts';
import { DEADLINE_RULES, enquiry, type Challenge, type DeadlineRules, type HistoryHeld } from '../../../src/domain/peer-challenge/index.ts';

const SUFFOLK = { code: 'E10000029', name: 'Suffolk', type: 'county' as const };
const IPSWICH = { code: 'E07000202', name: 'Ipswich', type: 'district' as const };

function closedCorporate(council: string, from: string, to: string): Challenge {
  return { ...enquiry('7', council, 'corporate', '2020-01-01'), stage: 'closed', onSite: { from, to }, feedbackOn: to, closedOn: '2022-03-01' };
}

describe('noPeerChallengeFlags(councils, challenges, held, today, rules)', () => {
  const suffolk = closedCorporate(SUFFOLK.code, '2021-03-08', '2021-03-11');

  it('is silent within the years the rules allow, and flags the day after', () => {
    const corporate = (today: string) => noPeerChallengeFlags([SUFFOLK], [suffolk], [], today, DEADLINE_RULES).filter((f) => f.values.kind === 'corporate');
    assert.deepEqual(corporate('2026-03-11'), []);
    const [flag] = corporate('2026-03-12');
    assert.deepEqual(flag, {
      rule: 'no_peer_challenge',
      version: RULES.no_peer_challenge.version,
      area: SUFFOLK.code,
      metric: null,
      period: null,
      values: { kind: 'corporate', lastOn: '2021-03-11', dueBy: '2026-03-11', everyYears: 5 },
    });
    assert.equal(
      flagSentence(flag!, null),
      'The last corporate peer challenge ended on 11 March 2021, more than 5 years ago; the deadline rules ask for at least one every 5 years, so one was due by 11 March 2026.',
    );
  });

  it('flags no council whose history is not held, however long without a challenge on record', () => {
    assert.deepEqual(noPeerChallengeFlags([SUFFOLK, IPSWICH], [], [], '2040-01-01', DEADLINE_RULES), []);
    const flags = noPeerChallengeFlags([SUFFOLK, IPSWICH], [suffolk], [], '2024-01-01', DEADLINE_RULES);
    assert.deepEqual(flags, [], "Suffolk's corporate challenge holds its corporate history, not its safeguarding one; Ipswich's is not held");
  });

  it("says since when none is on record where the history is held, and asks children's safeguarding of a children's authority alone", () => {
    const held: HistoryHeld[] = [
      { councilCode: IPSWICH.code, kind: 'corporate', from: '2018-04-01' },
      { councilCode: SUFFOLK.code, kind: 'safeguarding', from: '2020-09-01' },
      { councilCode: IPSWICH.code, kind: 'safeguarding', from: '2010-01-01' },
    ];
    assert.deepEqual(noPeerChallengeFlags([SUFFOLK, IPSWICH], [suffolk], held, '2023-04-01', DEADLINE_RULES), [], 'within five and three years of the day each record begins');
    const flags = noPeerChallengeFlags([SUFFOLK, IPSWICH], [suffolk], held, '2024-01-01', DEADLINE_RULES);
    assert.deepEqual(
      flags.map((f) => [f.area, f.values]),
      [
        [IPSWICH.code, { kind: 'corporate', lastOn: null, heldFrom: '2018-04-01', dueBy: '2023-04-01', everyYears: 5 }],
        [SUFFOLK.code, { kind: 'safeguarding', lastOn: null, heldFrom: '2020-09-01', dueBy: '2023-09-01', everyYears: 3 }],
      ],
      'Ipswich, a district, is asked no safeguarding challenge whatever is declared',
    );
    assert.equal(
      flagSentence(flags[0]!, null),
      "No corporate peer challenge on record since 1 April 2018, when the programme's record of them begins; the deadline rules ask for at least one every 5 years, so one was due by 1 April 2023.",
    );
    assert.equal(
      flagSentence(flags[1]!, null),
      "No children's safeguarding peer challenge on record since 1 September 2020, when the programme's record of them begins; the deadline rules ask for at least one every 3 years, so one was due by 1 September 2023.",
    );
    assert.equal(RULES.no_peer_challenge.cause, 'disengagement');
  });

  it('counts from the first enquiry of the kind the programme holds, when nothing is declared', () => {
    const enquired: Challenge = { ...enquiry('8', IPSWICH.code, 'corporate', '2019-02-04'), stage: 'closed', closedOn: '2019-05-01', closeReason: 'withdrawn' };
    assert.deepEqual(noPeerChallengeFlags([IPSWICH], [enquired], [], '2024-02-04', DEADLINE_RULES), []);
    const [flag] = noPeerChallengeFlags([IPSWICH], [enquired], [], '2024-02-05', DEADLINE_RULES);
    assert.deepEqual(flag?.values, { kind: 'corporate', lastOn: null, heldFrom: '2019-02-04', dueBy: '2024-02-04', everyYears: 5 });
    const earlier = noPeerChallengeFlags([IPSWICH], [enquired], [{ councilCode: IPSWICH.code, kind: 'corporate', from: '2015-01-01' }], '2024-02-05', DEADLINE_RULES);
    assert.equal(earlier[0]?.values.heldFrom, '2015-01-01', 'a declaration earlier than the first record is where the history begins');
  });

  it('reads a flag kept by the first version, with no day its record began, as it did', () => {
    const kept = { rule: 'no_peer_challenge' as const, version: 1, area: IPSWICH.code, metric: null, period: null, values: { kind: 'corporate', lastOn: null, dueBy: null, everyYears: 5 } };
    assert.equal(flagSentence(kept, null), 'No corporate peer challenge on record; the deadline rules ask for at least one every 5 years.');
  });

  it('follows a new version of the rules: a shorter cadence raises a flag the old one did not, with its own figures', () => {
    const fourYears: DeadlineRules = { ...DEADLINE_RULES, version: 2, cadence: DEADLINE_RULES.cadence.map((c) => (c.kind === 'corporate' ? { ...c, everyYears: 4 } : c)) };
    const today = '2025-06-01';
    assert.deepEqual(
      noPeerChallengeFlags([SUFFOLK], [suffolk], [], today, DEADLINE_RULES).filter((f) => f.values.kind === 'corporate'),
      [],
    );
    const [flag] = noPeerChallengeFlags([SUFFOLK], [suffolk], [], today, fourYears).filter((f) => f.values.kind === 'corporate');
    assert.deepEqual(flag?.values, { kind: 'corporate', lastOn: '2021-03-11', dueBy: '2025-03-11', everyYears: 4 });
  });

  it('keeps the fingerprint when a new version leaves the cadence as it was, so an acknowledgement still holds', () => {
    const later: DeadlineRules = { ...DEADLINE_RULES, version: 3, items: DEADLINE_RULES.items.map((i) => ({ ...i, months: i.months + 1 })) };
    const held: HistoryHeld[] = [{ councilCode: IPSWICH.code, kind: 'corporate', from: '2015-01-01' }];
    const before = noPeerChallengeFlags([IPSWICH], [], held, '2024-01-01', DEADLINE_RULES).map(fingerprintOf);
    const after = noPeerChallengeFlags([IPSWICH], [], held, '2024-01-01', later).map(fingerprintOf);
    assert.equal(before.length, 1);
    assert.deepEqual(after, before);
  });
});
