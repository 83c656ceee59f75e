// The release path's use-cases: a council's release calendar (what becomes
// public when, and with whom each metric's values are shared before then),
// setting a metric's rule, and sharing a metric's held values with a named
// organisation. Each value is the policy's record of kind 'council_return'
// (held-records.ts): restricted to its council, shared with the
// organisations named, public from its instant. Every change is audited in
// its own transaction; the store tells every server of a rule set, so that
// the job runner schedules its instants.
import { describeRule, checkReleaseRule, RELEASE_DEFAULTS, type ReleaseRule } from '../../../domain/release/index.ts';
import { getMetric } from '../../../store/catalogue.ts';
import { holdingCouncil, releaseCalendar, releaseRulesOf, setReleaseRule, type CalendarEntry } from '../../../store/releases.ts';
import { queryShares, type Share } from '../../../store/shares.ts';
import type { Sql } from '../../../store/store.ts';
import { councilReturnRecord } from '../../platform/access/held-records.ts';
import type { RequestAccess } from '../../platform/access/request-access.ts';
import { shareWith, stopSharing, type SharedRecord } from '../../platform/access/shares.ts';
import { invalidInput } from '../../platform/http/checked-input.ts';
import { notFound } from '../../platform/http/http-error.ts';
import { checked } from '../../platform/http/input-schema.ts';
import { councilPath, releasePath } from './api-inputs.ts';

interface Council {
  readonly areaCode: string;
  readonly name: string;
  readonly organisationId: number;
}

/** The council the path names: an area with a council organisation in Lantern. */
async function councilOf(sql: Sql, params: Record<string, unknown>): Promise<Council> {
  const { area } = checked(councilPath, params);
  const found = await holdingCouncil(sql, area);
  if (!found) throw notFound(`there is no council with the area code '${area}' in Lantern`);
  return { areaCode: area, ...found };
}

/** A metric's held values of a council, as they are shared: the record id names both. */
function heldRecordId(council: Council, metric: string): string {
  return `${council.areaCode}:${metric}`;
}

/** The current shares of each of a council's metrics, by record id. */
async function sharesOf(sql: Sql, council: Council): Promise<Map<string, Share[]>> {
  const shares = await queryShares(sql, { about: council.areaCode, recordKind: 'council_return', limit: 10_000, offset: 0 });
  const byRecord = new Map<string, Share[]>();
  for (const share of shares) if (share.revokedAt === null) byRecord.set(share.recordId, [...(byRecord.get(share.recordId) ?? []), share]);
  return byRecord;
}

function organisationsOf(shares: readonly Share[] | undefined): number[] {
  return (shares ?? []).flatMap((s) => (s.withOrganisationId === null ? [] : [s.withOrganisationId]));
}

export interface CalendarMetric {
  readonly metric: string;
  readonly title: string;
  /** The council's own rule; null where the default for the values' origin applies. */
  readonly rule: ReleaseRule | null;
  readonly ruleText: string;
  /** With whom the values are shared before release: for those who may read the shares. */
  readonly sharedWith: readonly { readonly shareId: number; readonly organisationId: number; readonly name: string }[];
  readonly values: readonly CalendarEntry[];
}

export interface Calendar {
  readonly council: { readonly code: string; readonly name: string };
  readonly defaultsVersion: number;
  /** Whether the viewer may set rules and share: the council's performance officers. */
  readonly mayChange: boolean;
  readonly metrics: readonly CalendarMetric[];
}

/**
 * The council's release calendar as the viewer may read it: each value the
 * policy lets them read (the public: those released; the council and those it
 * shares a metric with: all), by metric. Reading unreleased values is audited
 * once per metric.
 */
export async function readCalendar(sql: Sql, access: RequestAccess, params: Record<string, unknown>): Promise<Calendar> {
  const council = await councilOf(sql, params);
  const now = new Date(access.now);
  const [entries, shares] = await Promise.all([releaseCalendar(sql, council.areaCode, now), sharesOf(sql, council)]);
  const metrics = new Map<string, CalendarEntry[]>();
  const audited = new Set<string>();
  for (const entry of entries) {
    const record = councilReturnRecord({
      areaCode: council.areaCode,
      ownerOrganisationId: council.organisationId,
      sharedWithOrganisations: organisationsOf(shares.get(heldRecordId(council, entry.metric))),
      // public once loaded into observation, where anyone reads it; until then the council's and its partners'
      releasedFrom: entry.releasedAt?.getTime() ?? null,
    });
    const decision = access.decide('read', record);
    if (!decision.allowed) continue;
    if (decision.audited) audited.add(heldRecordId(council, entry.metric));
    metrics.set(entry.metric, [...(metrics.get(entry.metric) ?? []), entry]);
  }
  await access.auditReads('council_return', [...audited], 'release calendar');
  const guard = councilReturnRecord({ areaCode: council.areaCode, ownerOrganisationId: council.organisationId });
  const mayChange = access.may('change', guard);
  const rules = await releaseRulesOf(sql, council.areaCode);
  return {
    council: { code: council.areaCode, name: council.name },
    defaultsVersion: RELEASE_DEFAULTS.at(-1)!.version,
    mayChange,
    metrics: [...metrics.entries()].map(([metric, values]) => {
      const rule = rules.get(metric)?.rule ?? null;
      const origin = values[0]!.origin;
      return {
        metric,
        title: values[0]!.metricTitle,
        rule,
        ruleText: rule ? describeRule(rule) : `${describeRule(RELEASE_DEFAULTS.at(-1)!.rules[origin])} (the default for ${origin === 'survey' ? 'survey results' : 'returns'})`,
        sharedWith: mayChange || audited.has(heldRecordId(council, metric)) ? (shares.get(heldRecordId(council, metric)) ?? []).flatMap(sharedWithOf) : [],
        values,
      };
    }),
  };
}

function sharedWithOf(share: Share) {
  return share.withOrganisationId === null ? [] : [{ shareId: share.id, organisationId: share.withOrganisationId, name: share.withOrganisationName ?? '' }];
}

/**
 * Sets the council's rule for a metric: the council's performance officers
 * alone. The rule's problems name their fields; the change is audited.
 */
export async function setRule(sql: Sql, access: RequestAccess, params: Record<string, unknown>, body: Record<string, unknown>) {
  const { council, metric, shared } = await heldOf(sql, params);
  access.require('change', shared.guarded, shared.label);
  const check = checkReleaseRule(body);
  if (check.kind === 'invalid') throw invalidInput(check.problems);
  const setBy = access.userId;
  const set = await sql.begin(async (tx) => {
    const stored = await setReleaseRule(tx, council.areaCode, metric, check.rule, setBy);
    await access.audit(tx, 'change', 'council_return', shared.id, `release rule: ${describeRule(check.rule)}`);
    return stored!;
  });
  return { council: council.areaCode, metric, rule: ruleJson(set.rule), ruleText: describeRule(set.rule), setAt: set.setAt };
}

/** A metric's rule as its form shows it: the council's performance officers alone, as setRule. */
export async function readRule(sql: Sql, access: RequestAccess, params: Record<string, unknown>) {
  const { council, metric, shared } = await heldOf(sql, params);
  access.require('change', shared.guarded, shared.label);
  const [rules, found] = await Promise.all([releaseRulesOf(sql, council.areaCode), getMetric(sql, metric)]);
  const rule = rules.get(metric)?.rule ?? null;
  return { council: { code: council.areaCode, name: council.name }, metric, title: found?.title ?? metric, rule, ruleText: rule ? describeRule(rule) : null };
}

/** Shares a metric's held values with a named organisation before release, saying why. */
export async function shareHeld(sql: Sql, access: RequestAccess, params: Record<string, unknown>, body: Record<string, unknown>) {
  return shareWith(sql, access, (await heldOf(sql, params)).shared, body);
}

/** Stops sharing a metric's held values with an organisation, saying why. */
export async function unshareHeld(sql: Sql, access: RequestAccess, params: Record<string, unknown>, shareId: number, body: Record<string, unknown>) {
  return stopSharing(sql, access, (await heldOf(sql, params)).shared, shareId, body);
}

async function heldOf(sql: Sql, params: Record<string, unknown>): Promise<{ council: Council; metric: string; shared: SharedRecord }> {
  const council = await councilOf(sql, params);
  const { metric } = checked(releasePath, params);
  if (!(await getMetric(sql, metric))) throw notFound(`there is no metric with the code '${metric}'`);
  const id = heldRecordId(council, metric);
  const shares = await sharesOf(sql, council);
  const guarded = councilReturnRecord({ areaCode: council.areaCode, ownerOrganisationId: council.organisationId, sharedWithOrganisations: organisationsOf(shares.get(id)) });
  return { council, metric, shared: { kind: 'council_return', id, subjectArea: council.areaCode, guarded, label: `the held values of ${metric} for ${council.name}` } };
}

export function ruleJson(rule: ReleaseRule) {
  switch (rule.kind) {
    case 'private':
      return { kind: rule.kind };
    case 'public_from':
      return { kind: rule.kind, publicFrom: rule.instant.toISOString() };
    case 'public_after_period':
      return { kind: rule.kind, monthsAfter: rule.months };
  }
}

export function calendarJson(calendar: Calendar) {
  return {
    council: calendar.council,
    defaultsVersion: calendar.defaultsVersion,
    metrics: calendar.metrics.map((m) => ({
      metric: m.metric,
      title: m.title,
      rule: m.rule === null ? null : ruleJson(m.rule),
      ruleText: m.ruleText,
      sharedWith: m.sharedWith,
      values: m.values.map((v) => ({
        period: v.period,
        value: v.value,
        provisional: v.provisional,
        origin: v.origin,
        releaseAt: v.releaseAt?.toISOString() ?? null,
        releasedAt: v.releasedAt?.toISOString() ?? null,
        officialStands: v.officialStands,
      })),
    })),
  };
}
