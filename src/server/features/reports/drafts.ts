// Reports, each use-case once: a draft found as the policy allows (its
// reading audited), drafted (from the builder or as the headline report),
// changed, and published, each taking whoever acts. A definition is checked
// against the metrics and areas the index holds, its problems naming their
// fields; a draft is the restricted record of its organisation; publishing
// freezes only the figures the public may read (and, in a targets section,
// only the targets of signed-off agreements), after a preview of exactly
// what will be public; a published version is withdrawn with a reason, kept
// and marked, never removed.
import { decide, guardedRecord, PUBLIC_VIEWER, type GuardedRecord, type UserViewer } from '../../../domain/access/index.ts';
import type { BenchmarkIndex } from '../../../domain/benchmark/benchmark-index.ts';
import { checkReportDefinition, sectionKind, type ReportDefinition } from '../../../domain/report/report-definition.ts';
import { snapshotReport, type ReportSnapshot } from '../../../reports/report-snapshot.ts';
import { metricAboutOfReport } from '../../../store/metric-about.ts';
import { sourceVerdictsOfReport } from '../../../store/source-verdicts.ts';
import { earlySightReleases } from '../../../store/early-sight.ts';
import { createReport, getReport, publicSlugOf, publishVersion, updateReport, versionsOf, withdrawVersion, type Report, type ReportVersion } from '../../../store/reports.ts';
import type { Sql } from '../../../store/store.ts';
import { notSeen, observationRecord, type RequestAccess } from '../../platform/access/index.ts';
import { publicTargetLines } from '../../platform/agreements/target-lines.ts';
import { invalidInput } from '../../platform/http/checked-input.ts';
import { HttpError, notFound } from '../../platform/http/http-error.ts';
import { pathId } from '../../platform/http/request-body.ts';

/** A draft: restricted to the organisation that holds it, changed by its members. */
export function draftRecord(report: Pick<Report, 'organisationId' | 'authorId'>): GuardedRecord {
  return guardedRecord('report', 'restricted', { ownerOrganisation: report.organisationId, author: report.authorId });
}

/** The draft the path names, if the viewer may `action` it; otherwise not found (or 403 when they may read but not change it). */
export async function findDraft(sql: Sql, access: RequestAccess, idText: unknown, action: 'read' | 'change'): Promise<Report> {
  const id = pathId(idText, 'report');
  // No draft is public: a visitor not signed in is asked to sign in, whether
  // or not the report exists, which confirms nothing either way.
  if (access.viewer.kind === 'public') throw new HttpError(401, 'sign_in_required', 'sign in to see draft reports');
  const report = await getReport(sql, id);
  if (!report) throw notSeen(`report ${id}`);
  access.require(action, draftRecord(report), `report ${report.id}`);
  if (action === 'read') await access.auditReads('report', [String(report.id)], `read draft '${report.title}'`);
  return report;
}

/** Drafts a report of the viewer's organisation from a definition not yet checked: the builder's, or the headline report's. */
export async function addDraft(sql: Sql, access: RequestAccess, index: BenchmarkIndex, input: unknown, kind: 'report' | 'headline report' = 'report'): Promise<Report> {
  const user = signedIn(access);
  const definition = check(index, input);
  access.require('change', draftRecord({ organisationId: user.organisationId, authorId: user.userId }), 'report');
  return sql.begin(async (tx) => {
    const made = await createReport(tx, definition, user.userId, user.organisationId);
    await access.audit(tx, 'change', 'report', String(made.id), kind === 'report' ? `drafted report '${made.title}'` : `made headline report '${made.title}'`);
    return made;
  });
}

/** Changes a draft's definition. */
export async function changeDraft(sql: Sql, access: RequestAccess, index: BenchmarkIndex, idText: unknown, input: unknown): Promise<void> {
  const report = await findDraft(sql, access, idText, 'change');
  const definition = check(index, input);
  await sql.begin(async (tx) => {
    await updateReport(tx, report.id, definition);
    await access.audit(tx, 'change', 'report', String(report.id), `changed report '${definition.title}'`);
  });
}

/**
 * Publishes the next version of a draft: its figures frozen from the index as
 * they are now, the public's only, and printed by `print` (the PDF kept with
 * the version).
 */
export async function publishDraft(
  sql: Sql,
  access: RequestAccess,
  index: BenchmarkIndex,
  idText: unknown,
  print: (snapshot: ReportSnapshot, version: number) => Promise<Buffer>,
): Promise<ReportVersion> {
  const report = await findDraft(sql, access, idText, 'change');
  const user = signedIn(access);
  const definition = await publicDefinition(sql, index, report.definition);
  const snapshot = await snapshotNow(sql, index, definition);
  const versions = await versionsOf(sql, report.id);
  const pdf = await print(snapshot, (versions[0]?.version ?? 0) + 1);
  return publishVersion(sql, report.id, snapshot, pdf, user.userId, (tx, version) =>
    access.audit(tx, 'change', 'report', String(report.id), `published version ${version.version} of '${report.title}'`),
  );
}

/** What publishing a draft now would make public, shown before it is: the next version's number and address, its figures, and what is held back. */
export interface PublishingPreview {
  readonly report: Report;
  readonly version: number;
  readonly slug: string;
  readonly snapshot: ReportSnapshot;
  /** Metrics in the draft that the public may not read yet (early sight under embargo): left out of the version. */
  readonly heldBack: readonly string[];
}

export async function previewPublishing(sql: Sql, access: RequestAccess, index: BenchmarkIndex, idText: unknown): Promise<PublishingPreview> {
  const report = await findDraft(sql, access, idText, 'change');
  const definition = await publicDefinition(sql, index, report.definition);
  const kept = new Set(definition.sections.flatMap((s) => s.metrics));
  const heldBack = [...new Set(report.definition.sections.flatMap((s) => s.metrics))].filter((code) => !kept.has(code)).map((code) => index.metric(code)?.metric.title ?? code);
  const versions = await versionsOf(sql, report.id);
  const snapshot = await snapshotNow(sql, index, definition);
  return { report, version: (versions[0]?.version ?? 0) + 1, slug: publicSlugOf(report), snapshot, heldBack };
}

/**
 * Withdraws a published version of a draft the viewer may change: it stays
 * at its address, marked withdrawn with the reason, and the withdrawal is
 * audited. The reason is required: readers of the version are told it.
 */
export async function withdrawPublished(sql: Sql, access: RequestAccess, idText: unknown, versionText: unknown, input: { reason?: unknown }): Promise<ReportVersion> {
  const report = await findDraft(sql, access, idText, 'change');
  const version = pathId(versionText, 'version');
  const reason = typeof input.reason === 'string' ? input.reason.trim() : '';
  if (reason === '') throw invalidInput([{ field: 'reason', message: 'Enter why this version is withdrawn: its readers are told' }]);
  if (reason.length > 1000) throw invalidInput([{ field: 'reason', message: 'Why it is withdrawn must be 1,000 characters or fewer' }]);
  const user = signedIn(access);
  await sql.begin(async (tx) => {
    const done = await withdrawVersion(tx, report.id, version, user.userId, reason);
    if (done === 'no_such_version') throw notFound(`${report.title} has no published version ${version}.`);
    if (done === 'already_withdrawn') throw invalidInput([{ field: 'reason', message: `Version ${version} has already been withdrawn` }]);
    await access.audit(tx, 'change', 'report', String(report.id), `withdrew version ${version} of '${report.title}': ${reason}`);
  });
  return (await versionsOf(sql, report.id)).find((v) => v.version === version)!;
}

/**
 * The definition's figures as they stand now, with what each metric's
 * publisher says of it, the sources' own verdicts and, for a targets
 * section, the targets of the councils' signed-off agreements: what the
 * public may read of them, whoever looks, since a report is for residents.
 */
export async function snapshotNow(sql: Sql, index: BenchmarkIndex, definition: ReportDefinition): Promise<ReportSnapshot> {
  const targets = definition.sections.some((s) => sectionKind(s) === 'targets') ? await publicTargetLines(sql, index, { areas: definition.areas }) : [];
  return snapshotReport(index, definition, new Date(), await metricAboutOfReport(sql, definition), await sourceVerdictsOfReport(sql, definition), targets);
}

/** Reports are an organisation's: the public is asked to sign in. */
export function signedIn(access: RequestAccess): UserViewer {
  const viewer = access.viewer;
  if (viewer.kind !== 'user') throw new HttpError(401, 'sign_in_required', "Sign in to see your organisation's reports.");
  return viewer;
}

/** The definition with only the metrics the public may read: an early-sight metric before its embargo ends is never published. */
async function publicDefinition(sql: Sql, index: BenchmarkIndex, definition: ReportDefinition): Promise<ReportDefinition> {
  const codes = [...new Set(definition.sections.flatMap((s) => s.metrics))];
  const metrics = codes.map((code) => index.metric(code)?.metric).filter((m) => m !== undefined);
  const releases = await earlySightReleases(
    sql,
    metrics.filter((m) => m.status === 'early_sight').map((m) => m.code),
  );
  const now = Date.now();
  const allowed = new Set(metrics.filter((m) => decide(PUBLIC_VIEWER, 'read', observationRecord(m.status, releases.get(m.code), null), now).allowed).map((m) => m.code));
  return onlyMetrics(definition, allowed);
}

/** The definition's sections with only the metrics `allowed`. */
export function onlyMetrics(definition: ReportDefinition, allowed: ReadonlySet<string>): ReportDefinition {
  return { ...definition, sections: definition.sections.map((s) => ({ ...s, metrics: s.metrics.filter((m) => allowed.has(m)) })) };
}

function check(index: BenchmarkIndex, input: unknown): ReportDefinition {
  const checked = checkReportDefinition(
    input,
    (c) => index.metric(c) !== undefined,
    (c) => index.area(c) !== undefined,
  );
  if (checked.kind === 'invalid') throw invalidInput(checked.problems);
  return checked.definition;
}
