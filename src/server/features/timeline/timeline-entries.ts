// A council's history as entries of its timeline: each thing that happened
// (a flag raised or cleared, an item recorded, a share made or stopped, a
// case opened or closed, an outcome agreed, statutory action, a decision of
// the Panel) in one sentence, with when and a link to its record. Pure: the
// rows come from the store already passed through the access policy.
import { formatDate } from '../../../domain/format/index.ts';
import { CAUSE_LABELS, RULES, type FlagRuleId } from '../../../domain/early-warning/index.ts';
import {
  CLOSURE_LABELS,
  EVENT_KIND_LABELS,
  OPENED_FROM_LABELS,
  OUTCOME_LABELS,
  STRAND_LABELS,
  type Closure,
  type EventKind,
  type OpenedFrom,
  type Outcome,
  type Strand,
} from '../../../domain/improvement/index.ts';
import type { RecordKind } from '../../../domain/access/index.ts';
import type { IntelligenceItem } from '../../../store/intelligence.ts';
import type { Share } from '../../../store/shares.ts';
import type { TimelineCase, TimelineDecision, TimelineEvent, TimelineFlag, TimelineOutcome } from '../../../store/timeline.ts';

export const ENTRY_KINDS = ['flag_raised', 'flag_cleared', 'item_recorded', 'shared', 'unshared', 'case_opened', 'case_closed', 'outcome', 'event', 'panel_decision'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

export interface TimelineEntry {
  readonly at: Date;
  readonly kind: EntryKind;
  readonly sentence: string;
  /** The record it is about, as the access policy names it. */
  readonly record: { readonly kind: RecordKind; readonly id: string };
  readonly href: string;
  /** The record's name, as the link to it reads. */
  readonly linkText: string;
}

export function flagEntries(area: string, flag: TimelineFlag): TimelineEntry[] {
  const record = { kind: 'flag', id: String(flag.id) } as const;
  const href = `/areas/${area}/risk`;
  const linkText = 'The risk view';
  const title = RULES[flag.rule as FlagRuleId]?.title ?? flag.rule;
  const on = flag.metricTitle ? ` on ${flag.metricTitle}` : '';
  const raised: TimelineEntry = { at: flag.raisedAt, kind: 'flag_raised', sentence: `Flag raised: ${flag.sentence}`, record, href, linkText };
  if (flag.clearedAt === null) return [raised];
  return [raised, { at: flag.clearedAt, kind: 'flag_cleared', sentence: `Flag cleared: ${title}${on} no longer applies.`, record, href, linkText }];
}

export function itemEntry(item: IntelligenceItem): TimelineEntry {
  return {
    at: item.createdAt,
    kind: 'item_recorded',
    sentence: `Intelligence recorded under ${CAUSE_LABELS[item.cause].toLowerCase()} by ${item.ownerOrganisationName}: ${item.title}.`,
    record: { kind: 'intelligence_item', id: String(item.id) },
    href: `/intelligence/${item.id}`,
    linkText: `Intelligence item ${item.id}`,
  };
}

/** What a share is of, in words, and where that record lives. */
function sharedRecord(share: Share): { what: string; href: string } {
  if (share.recordKind === 'intelligence_item') return { what: `Intelligence item ${share.recordId}`, href: `/intelligence/${share.recordId}` };
  if ((share.recordKind as string) === 'improvement_case') return { what: `Improvement case ${share.recordId}`, href: `/cases/${share.recordId}` };
  return { what: `Early-sight figures of ${share.recordId}`, href: '/shares' };
}

export function shareEntries(share: Share): TimelineEntry[] {
  const { what, href } = sharedRecord(share);
  const linkText = what;
  const record = { kind: 'share', id: String(share.id) } as const;
  const withWhom = share.withOrganisationName ?? share.withUserName ?? 'someone';
  const made: TimelineEntry = {
    at: share.sharedAt,
    kind: 'shared',
    sentence: `Shared: ${what} was shared with ${withWhom} by ${share.sharedByName} (${share.sharedByOrganisationName}): ${ended(share.reason)}`,
    record,
    href,
    linkText,
  };
  if (share.revokedAt === null) return [made];
  return [made, { at: share.revokedAt, kind: 'unshared', sentence: `Sharing stopped: ${what} is no longer shared with ${withWhom}: ${ended(share.revokeReason ?? '')}`, record, href, linkText }];
}

export function caseEntries(c: TimelineCase): TimelineEntry[] {
  const record = { kind: 'improvement_case', id: String(c.id) } as const;
  const href = `/cases/${c.id}`;
  const linkText = `Improvement case ${c.id}`;
  const strands = c.strands.map((s) => STRAND_LABELS[s as Strand] ?? s).join(', ');
  const opened: TimelineEntry = {
    at: c.openedAt,
    kind: 'case_opened',
    sentence: `Improvement case opened (${strands}). How it began: ${(OPENED_FROM_LABELS[c.openedFrom as OpenedFrom] ?? c.openedFrom).toLowerCase()}.`,
    record,
    href,
    linkText,
  };
  if (c.closure === null || c.closedOn === null) return [opened];
  const closed = `Improvement case closed: ${(CLOSURE_LABELS[c.closure as Closure] ?? c.closure).toLowerCase()}. ${c.closureReason ? ended(c.closureReason) : ''}`.trim();
  return [opened, { at: c.closedOn, kind: 'case_closed', sentence: closed, record, href, linkText }];
}

export function outcomeEntry(o: TimelineOutcome): TimelineEntry {
  return {
    at: o.decidedOn,
    kind: 'outcome',
    sentence: `Outcome of the conversation: ${OUTCOME_LABELS[o.outcome as Outcome] ?? o.outcome}.`,
    record: { kind: 'improvement_case', id: String(o.caseId) },
    href: `/cases/${o.caseId}`,
    linkText: `Improvement case ${o.caseId}`,
  };
}

export function eventEntry(e: TimelineEvent): TimelineEntry {
  const label = EVENT_KIND_LABELS[e.kind as EventKind] ?? e.kind;
  return {
    at: e.startsOn,
    kind: 'event',
    sentence: `${label}${e.renews ? ' renewed' : ''}, ${e.endsOn ? `from ${formatDate(e.startsOn)} to ${formatDate(e.endsOn)}` : `from ${formatDate(e.startsOn)}`}: ${ended(e.description)}`,
    record: { kind: 'improvement_case', id: String(e.caseId) },
    href: `/cases/${e.caseId}`,
    linkText: `Improvement case ${e.caseId}`,
  };
}

export function decisionEntry(d: TimelineDecision): TimelineEntry {
  return {
    at: d.recordedAt,
    kind: 'panel_decision',
    sentence: `The Performance Support Panel decided, at ${d.meetingTitle}, on ${d.agendaTitle}: ${ended(d.decision)}`,
    record: { kind: 'panel_meeting', id: String(d.meetingId) },
    href: `/panel/meetings/${d.meetingId}`,
    linkText: d.meetingTitle,
  };
}

/** Words people typed (a reason, a decision) ended as a sentence. */
function ended(text: string): string {
  const trimmed = text.trim();
  return /[.!?)]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** Newest first; on the same instant, in the order things happen (a case opens before its outcome). */
export function newestFirst(entries: readonly TimelineEntry[]): TimelineEntry[] {
  return [...entries].sort((a, b) => b.at.getTime() - a.at.getTime() || ENTRY_KINDS.indexOf(b.kind) - ENTRY_KINDS.indexOf(a.kind));
}
