// A council's timeline, newest first: every flag, intelligence item, share,
// improvement case, outcome, statutory event and decision of the Panel
// about it that the reader may see. Each kind is read in one query and
// passed through the access policy before anything of it is shown; each
// read of a restricted or confidential record is audited once, as the rest
// of Lantern audits them. The council sees its own flags, its cases and
// every share about it, never a confidential note or an item not shared
// with it; another council sees none of that.
import { guardedRecord, type GuardedRecord } from '../../../domain/access/index.ts';
import { isCouncil } from '../../../domain/benchmark/comparator-group.ts';
import { getArea } from '../../../store/catalogue.ts';
import { queryIntelligenceItems } from '../../../store/intelligence.ts';
import { queryShares } from '../../../store/shares.ts';
import type { Sql } from '../../../store/store.ts';
import { casesAbout, eventsAbout, flagHistoryOf, outcomesAbout, panelDecisionsAbout, type TimelineCase, type TimelineDecision } from '../../../store/timeline.ts';
import { intelligenceRecord } from '../../platform/access/intelligence-record.ts';
import { shareRecord, type RequestAccess } from '../../platform/access/index.ts';
import { notFound } from '../../platform/http/http-error.ts';
import { caseEntries, decisionEntry, eventEntry, flagEntries, itemEntry, newestFirst, outcomeEntry, shareEntries, type TimelineEntry } from './timeline-entries.ts';

export interface Timeline {
  readonly council: { readonly code: string; readonly name: string };
  readonly entries: readonly TimelineEntry[];
}

/** How many shares about one council a timeline reads at most: far more than any council has had. */
const SHARES_READ = 10_000;

export async function readTimeline(sql: Sql, access: RequestAccess, code: string): Promise<Timeline> {
  const area = await getArea(sql, code);
  if (!area || !isCouncil(area.type)) throw notFound(`Lantern knows no council ${code}`);
  const [flags, items, shares, cases, outcomes, events, decisions] = await Promise.all([
    flagHistoryOf(sql, code),
    queryIntelligenceItems(sql, { subjectArea: code }),
    queryShares(sql, { about: code, limit: SHARES_READ, offset: 0 }),
    casesAbout(sql, code),
    outcomesAbout(sql, code),
    eventsAbout(sql, code),
    panelDecisionsAbout(sql, code),
  ]);
  const summary = `timeline of ${code}`;
  const seenFlags = await access.reveal(
    flags,
    () => flagRecord(code),
    (f) => String(f.id),
    summary,
  );
  const seenItems = await access.reveal(items, intelligenceRecord, (i) => String(i.id), summary);
  const aboutIt = shares.filter((s) => s.subjectArea === code);
  const seenShares = await access.reveal(aboutIt, shareRecord, (s) => String(s.id), summary);
  const seenCases = await access.reveal(
    cases,
    (c) => caseRecord(code, c),
    (c) => String(c.id),
    summary,
  );
  const caseSeen = new Set(seenCases.map((c) => c.id));
  const seenDecisions = await revealDecisions(access, decisions, caseSeen, summary);
  return {
    council: { code: area.code, name: area.name },
    entries: newestFirst([
      ...seenFlags.flatMap((f) => flagEntries(code, f)),
      ...seenItems.map(itemEntry),
      ...seenShares.flatMap(shareEntries),
      ...seenCases.flatMap(caseEntries),
      ...outcomes.filter((o) => caseSeen.has(o.caseId)).map(outcomeEntry),
      ...events.filter((e) => caseSeen.has(e.caseId)).map(eventEntry),
      ...seenDecisions.map(decisionEntry),
    ]),
  };
}

/** A council's flags: restricted to the sector body's watchers and the council itself. */
function flagRecord(code: string): GuardedRecord {
  return guardedRecord('flag', 'restricted', { subjectArea: code, subjectReads: true });
}

/** A case: restricted to the sector body that holds it, its lead adviser and the council, and to those it is shared with (a referral). */
function caseRecord(code: string, c: TimelineCase): GuardedRecord {
  return guardedRecord('improvement_case', 'restricted', {
    subjectArea: code,
    subjectReads: true,
    ownerOrganisation: c.ownerOrganisationId,
    author: c.leadAdviserId,
    sharedWithOrganisations: c.sharedWithOrganisations,
    sharedWithUsers: c.sharedWithUsers,
    shareable: true,
  });
}

/**
 * The Panel's decisions the reader may see: those of meetings they may read
 * (the Panel and the advisers who bring cases to it), about a case they may
 * read. A decision on an item the Panel took in private stays in the
 * Panel's own papers: the timeline leaves it out for everyone.
 */
async function revealDecisions(access: RequestAccess, decisions: readonly TimelineDecision[], caseSeen: ReadonlySet<number>, summary: string): Promise<TimelineDecision[]> {
  const open = decisions.filter((d) => !d.confidential && caseSeen.has(d.caseId));
  const meetings = [...new Map(open.map((d) => [d.meetingId, d])).values()];
  const seen = new Set((await access.reveal(meetings, meetingRecord, (d) => String(d.meetingId), summary)).map((d) => d.meetingId));
  return open.filter((d) => seen.has(d.meetingId));
}

function meetingRecord(d: TimelineDecision): GuardedRecord {
  return guardedRecord('panel_meeting', 'restricted', { ownerOrganisation: d.ownerOrganisationId });
}
