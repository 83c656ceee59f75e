// A case as its reader may see it: the case (its read audited, as every read
// of a restricted record is), the evidence they may read (a third party's
// item never reaches the council), its meetings, the notes they may read
// (each confidential read audited), steps, outcome history, events, support
// packages and every share of it. The council reads the same view of its own
// cases: "no surprises" (000 §7). One view feeds the API and the pages.
import { STAGE_LABELS, OUTCOME_LABELS, STRAND_LABELS, EVENT_KIND_LABELS, LIGHT_TOUCH_LABELS, CLOSURE_LABELS, durationDays } from '../../../domain/improvement/index.ts';
import {
  casesOfArea,
  evidenceOf,
  eventsOf,
  listCases,
  meetingsOf,
  notesOf,
  outcomesOf,
  packagesOfCase,
  stepsOf,
  type CaseEvent,
  type CaseOutcome,
  type ImprovementCase,
} from '../../../store/cases.ts';
import { getArea } from '../../../store/catalogue.ts';
import type { Sql } from '../../../store/store.ts';
import type { GuardedRecord } from '../../../domain/access/index.ts';
import { recordAudit, type AuditEntry } from '../../../store/audit.ts';
import { queryShares } from '../../../store/shares.ts';
import { notSeen, shareJson, shareRecord, type RequestAccess } from '../../platform/access/index.ts';
import { caseRecord, flagRecord, itemRecord, noteRecord } from './case-record.ts';
import { findCase } from './cases.ts';

export type CaseView = Awaited<ReturnType<typeof readCase>>;

/** Everything of one case the viewer may read. */
export async function readCase(sql: Sql, access: RequestAccess, idText: unknown) {
  const found = await findCase(sql, access, idText, 'read');
  const [evidence, meetings, notes, steps, outcomes, events, packages, shares] = await Promise.all([
    evidenceOf(sql, found.id),
    meetingsOf(sql, found.id),
    notesOf(sql, found.id),
    stepsOf(sql, found.id),
    outcomesOf(sql, found.id),
    eventsOf(sql, found.id),
    packagesOfCase(sql, found.id),
    queryShares(sql, { recordKind: 'improvement_case', recordId: String(found.id), limit: 1000, offset: 0 }),
  ]);
  // Every restricted or confidential read of the page, audited in one statement: the case, the notes and the shares shown.
  const audited = [access.entry('read', 'improvement_case', String(found.id), 'case page')];
  const shown = <T extends { id: number }>(rows: readonly T[], guard: (row: T) => GuardedRecord, summary: string) =>
    rows.filter((row) => {
      const decision = access.decide('read', guard(row));
      if (decision.allowed && decision.audited) audited.push(access.entry('read', guard(row).kind, String(row.id), summary));
      return decision.allowed;
    });
  const shownNotes = shown(notes, (n) => noteRecord(found, n), `case ${found.id}`);
  const shownShares = shown(shares, shareRecord, 'share log');
  await recordAudit(sql, audited);
  return {
    case: caseJson(found),
    mayChange: access.may('change', caseRecord(found)),
    mayRefer: access.may('share', caseRecord(found)),
    evidence: {
      flags: evidence.flags.filter((f) => access.may('read', flagRecord(f))),
      items: evidence.items.filter((i) => access.may('read', itemRecord(i))).map((i) => ({ id: i.id, title: i.title, classification: i.classification })),
    },
    meetings,
    notes: shownNotes.map((n) => ({ ...n, readers: undefined, readerNames: n.classification === 'confidential' ? n.readerNames : [] })),
    steps,
    outcomes: outcomes.map(outcomeJson),
    events: events.map(eventJson),
    packages,
    shares: shownShares.map(shareJson),
  };
}

/** The cases about a council the viewer may read, newest first, with every share of them: the council's own page. */
export async function casesAbout(sql: Sql, access: RequestAccess, areaCode: string) {
  const area = await getArea(sql, areaCode);
  if (!area) throw notSeen(`council ${areaCode}`);
  const audited: AuditEntry[] = [];
  const readable = (await casesOfArea(sql, area.code)).filter((c) => access.may('read', caseRecord(c)));
  const cases = await Promise.all(
    readable.map(async (c) => {
      audited.push(access.entry('read', 'improvement_case', String(c.id), `cases about ${area.code}`));
      const [outcomes, packages, shares] = await Promise.all([
        outcomesOf(sql, c.id),
        packagesOfCase(sql, c.id),
        queryShares(sql, { recordKind: 'improvement_case', recordId: String(c.id), limit: 1000, offset: 0 }),
      ]);
      const shown = shares.filter((share) => access.may('read', shareRecord(share)));
      for (const share of shown) audited.push(access.entry('read', 'share', String(share.id), 'share log'));
      return { ...caseJson(c), outcome: outcomes[0] ? outcomeJson(outcomes[0]) : null, packages, shares: shown.map(shareJson) };
    }),
  );
  await recordAudit(sql, audited);
  return { area: { code: area.code, name: area.name }, cases };
}

/** The cases the viewer may read, open first: a page of them. */
export async function listVisibleCases(sql: Sql, access: RequestAccess, paging: { limit: number; offset: number }) {
  const candidates = await listCases(sql, { limit: 10_000, offset: 0 });
  const readable = candidates.filter((c) => access.may('read', caseRecord(c)));
  const page = readable.slice(paging.offset, paging.offset + paging.limit);
  await access.reveal(page, caseRecord, (c) => String(c.id), 'case list');
  return { items: page.map(caseJson), total: readable.length };
}

export function caseJson(c: ImprovementCase) {
  return {
    id: c.id,
    link: `/cases/${c.id}`,
    area: { code: c.areaCode, name: c.areaName },
    strands: c.strands.map((s) => ({ code: s, label: STRAND_LABELS[s] })),
    openedFrom: c.openedFrom,
    councilRequest: c.councilRequest,
    stage: { code: c.stage, label: STAGE_LABELS[c.stage] },
    leadAdviser: { id: c.leadAdviserId, name: c.leadAdviserName },
    heldBy: { id: c.ownerOrganisationId, name: c.ownerOrganisationName },
    liaisedWith: c.liaisedWith,
    summary: c.summary,
    closure: c.closure === null ? null : { code: c.closure, label: CLOSURE_LABELS[c.closure], reason: c.closureReason, evidence: c.closureEvidence, closedOn: c.closedOn },
    revision: c.revision,
    openedBy: c.openedBy,
    openedAt: c.openedAt,
    updatedBy: c.updatedBy,
    updatedAt: c.updatedAt,
  };
}

function outcomeJson(o: CaseOutcome) {
  return { ...o, label: OUTCOME_LABELS[o.outcome], lightTouchLabel: o.lightTouch === null ? null : LIGHT_TOUCH_LABELS[o.lightTouch] };
}

function eventJson(e: CaseEvent) {
  return { ...e, label: EVENT_KIND_LABELS[e.kind], days: durationDays(e.startsOn, e.endsOn) };
}
