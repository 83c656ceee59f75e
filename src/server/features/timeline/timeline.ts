// A council's timeline, newest first: every flag, intelligence item, share,
// improvement case, outcome, statutory event and decision of the Panel
// about it that the reader may see. Each kind is read in one query and
// passed through the access policy before anything of it is shown; the
// restricted and confidential records behind the entries shown are audited,
// once each, as the rest of Lantern audits such reads. The council sees its own flags, its cases and
// every share about it, never a confidential note or an item not shared
// with it; another council sees none of that.
import { permits, type GuardedRecord, type RecordKind } from '../../../domain/access/index.ts';
import { isCouncil } from '../../../domain/benchmark/comparator-group.ts';
import { getArea } from '../../../store/catalogue.ts';
import { queryIntelligenceItems } from '../../../store/intelligence.ts';
import { queryShares } from '../../../store/shares.ts';
import type { Sql } from '../../../store/store.ts';
import { casesAbout, eventsAbout, flagHistoryOf, outcomesAbout, panelDecisionsAbout, type TimelineCase, type TimelineDecision } from '../../../store/timeline.ts';
import { intelligenceRecord } from '../../platform/access/intelligence-record.ts';
import { caseRecord, flagRecord, panelMeetingRecord } from '../../platform/access/case-records.ts';
import { shareRecord, type RequestAccess } from '../../platform/access/index.ts';
import { notFound } from '../../platform/http/http-error.ts';
import { caseEntries, decisionEntry, eventEntry, flagEntries, itemEntry, newestFirst, outcomeEntry, shareEntries, type TimelineEntry } from './timeline-entries.ts';

export interface Timeline {
  readonly council: { readonly code: string; readonly name: string };
  /** How many entries the reader may see in all; `entries` is the page of them asked for. */
  readonly total: number;
  readonly entries: readonly TimelineEntry[];
}

/** How many shares about one council a timeline reads at most: far more than any council has had. */
const SHARES_READ = 10_000;

/**
 * The page of the council's timeline asked for. Every row is decided by the
 * policy; only the records behind the entries shown are audited, once each,
 * so that reading the first page of a long history does not record reads
 * of all of it.
 */
export async function readTimeline(sql: Sql, access: RequestAccess, code: string, page: { limit: number; offset: number } = { limit: 100, offset: 0 }): Promise<Timeline> {
  const area = await getArea(sql, code);
  if (!area || !isCouncil(area.type)) throw notFound(`Lantern knows no council ${code}`);
  // What the reader may never see is not read at all: the public reads no flags, shares or cases.
  const mayRead = (kind: RecordKind) => permits(access.viewer, 'read', kind).allowed;
  const none = Promise.resolve([]);
  const [flagHistory, items, shares, cases, outcomes, events, decisions] = await Promise.all([
    access.may('read', flagRecord(code)) ? flagHistoryOf(sql, code, page.offset + page.limit) : Promise.resolve({ flags: [], events: 0 }),
    queryIntelligenceItems(sql, { subjectArea: code }),
    mayRead('share') ? queryShares(sql, { about: code, limit: SHARES_READ, offset: 0 }) : none,
    mayRead('improvement_case') ? casesAbout(sql, code) : none,
    mayRead('improvement_case') ? outcomesAbout(sql, code) : none,
    mayRead('improvement_case') ? eventsAbout(sql, code) : none,
    mayRead('panel_meeting') ? panelDecisionsAbout(sql, code) : none,
  ]);
  const audited = new Set<string>();
  const readable = <T>(rows: readonly T[], guard: (row: T) => GuardedRecord, idOf: (row: T) => string): T[] =>
    rows.filter((row) => {
      const guarded = guard(row);
      const decision = access.decide('read', guarded);
      if (decision.allowed && decision.audited) audited.add(`${guarded.kind} ${idOf(row)}`);
      return decision.allowed;
    });
  const seenCases = readable(
    cases,
    (c) => caseOf(code, c),
    (c) => String(c.id),
  );
  const caseSeen = new Set(seenCases.map((c) => c.id));
  const openDecisions = decisions.filter((d) => !d.confidential && caseSeen.has(d.caseId));
  const flags = readable(
    flagHistory.flags,
    () => flagRecord(code),
    (f) => String(f.id),
  ).flatMap((f) => flagEntries(code, f));
  const all = newestFirst([
    ...flags,
    ...readable(items, intelligenceRecord, (i) => String(i.id)).map(itemEntry),
    ...readable(
      shares.filter((s) => s.subjectArea === code),
      shareRecord,
      (s) => String(s.id),
    ).flatMap(shareEntries),
    ...seenCases.flatMap(caseEntries),
    ...outcomes.filter((o) => caseSeen.has(o.caseId)).map(outcomeEntry),
    ...events.filter((e) => caseSeen.has(e.caseId)).map(eventEntry),
    ...readable(openDecisions, meetingRecord, (d) => String(d.meetingId)).map(decisionEntry),
  ]);
  const entries = all.slice(page.offset, page.offset + page.limit);
  await auditShown(access, entries, audited, `timeline of ${code}`);
  // only the newest flags were read: the rest are counted
  const total = all.length - flags.length + flagHistory.events;
  return { council: { code: area.code, name: area.name }, total, entries };
}

/** Records the reads of the restricted and confidential records behind the entries shown: one event a record, one insert a kind. */
async function auditShown(access: RequestAccess, entries: readonly TimelineEntry[], audited: ReadonlySet<string>, summary: string): Promise<void> {
  const byKind = new Map<RecordKind, Set<string>>();
  for (const { record } of entries) {
    if (!audited.has(`${record.kind} ${record.id}`)) continue;
    const ids = byKind.get(record.kind) ?? new Set<string>();
    byKind.set(record.kind, ids.add(record.id));
  }
  for (const [kind, ids] of byKind) await access.auditReads(kind, [...ids], summary);
}

/** A case about the council (the timeline only reads it: whether it may be shared is beside the point). */
function caseOf(code: string, c: TimelineCase): GuardedRecord {
  return caseRecord({ ...c, areaCode: code }, false);
}

/**
 * A meeting of the Panel: read by the Panel and the advisers who bring cases
 * to it. A decision on an item the Panel took in private stays in the
 * Panel's own papers: the timeline leaves it out for everyone.
 */
function meetingRecord(d: TimelineDecision): GuardedRecord {
  return panelMeetingRecord(d.ownerOrganisationId);
}
