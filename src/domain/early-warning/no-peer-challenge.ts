// No peer challenge for longer than the deadline rules allow, as an
// early-warning flag (issue 21, item 7: "councils with no challenge for five
// years (an early-warning signal for #15)"). The peer challenge domain finds
// the gaps (`councilsWithoutChallenge`: a corporate challenge at least every
// five years, children's safeguarding every three for councils with
// children's services, in today's rules), among the councils whose history
// of challenges of the kind the programme holds (from a day a manager
// declared, or its first record of them): "no record held" is not "no
// challenge", so a council whose history is not held is never flagged. Each
// gap becomes a flag that reads no
// metric, told apart from the council's other by its kind, with the figures
// the sentence is made of. Which version of the deadline rules judged it is
// not among its figures: a new version that leaves a council's cadence as it
// was leaves its flag, and any acknowledgement of it, as it was.
import { formatDate } from '../format/index.ts';
import { councilsWithoutChallenge, type CadenceCouncil, type Challenge, type ChallengeGap, type ChallengeKind, type DeadlineRules, type HistoryHeld } from '../peer-challenge/index.ts';
import { flagOf, type Flag, type FlagValues } from './flag.ts';
import { RULES } from './rules.ts';

/** A kind of challenge as a sentence names it. */
export const CHALLENGE_KIND_WORDS: Readonly<Record<ChallengeKind, string>> = {
  corporate: 'corporate',
  safeguarding: "children's safeguarding",
  adults: "adults' services",
  childrens: "children's services self-assessment",
};

/** Every council's flags for a challenge overdue by the rules' cadence, on `today` (2026-12-05). */
export function noPeerChallengeFlags(councils: readonly CadenceCouncil[], challenges: readonly Challenge[], held: readonly HistoryHeld[], today: string, rules: DeadlineRules): Flag[] {
  return councilsWithoutChallenge(councils, challenges, held, today, rules).map(gapFlag);
}

/**
 * One gap as a flag: no metric, no period; the kind tells a council's two
 * apart. With none on record, when the programme's record begins is among
 * its figures (the gap is counted from it); with a last challenge, it is
 * not, so such a flag reads as it did before.
 */
export function gapFlag(gap: ChallengeGap): Flag {
  const values: FlagValues =
    gap.lastOn === null
      ? { kind: gap.kind, lastOn: null, heldFrom: gap.heldFrom, dueBy: gap.dueBy, everyYears: gap.everyYears }
      : { kind: gap.kind, lastOn: gap.lastOn, dueBy: gap.dueBy, everyYears: gap.everyYears };
  return flagOf(RULES.no_peer_challenge, gap.councilCode, null, null, values);
}

/** The flag in words, from its figures alone. */
export function noPeerChallengeSentence(values: FlagValues): string {
  const kind = CHALLENGE_KIND_WORDS[values.kind as ChallengeKind] ?? String(values.kind);
  const every = `at least one every ${String(values.everyYears)} years`;
  if (typeof values.lastOn !== 'string') {
    // Flags kept by the rule's first version, which judged councils whose history was not held, had no day the record began.
    if (typeof values.heldFrom !== 'string') return `No ${kind} peer challenge on record; the deadline rules ask for ${every}.`;
    return (
      `No ${kind} peer challenge on record since ${day(values.heldFrom)}, when the programme's record of them begins; ` +
      `the deadline rules ask for ${every}, so one was due by ${day(String(values.dueBy))}.`
    );
  }
  return (
    `The last ${kind} peer challenge ended on ${day(values.lastOn)}, more than ${String(values.everyYears)} years ago; ` +
    `the deadline rules ask for ${every}, so one was due by ${day(String(values.dueBy))}.`
  );
}

function day(text: string): string {
  return formatDate(new Date(`${text}T12:00:00Z`));
}
