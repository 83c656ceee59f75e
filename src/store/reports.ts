// Reports: drafts held by the author's organisation, and their published
// versions, each frozen with its snapshot and PDF (the table refuses any
// change to a version). Publishing numbers versions one after another, one
// publisher at a time per report. A version is withdrawn by a record beside
// it (who, when, why), never by changing it: it stays readable, marked.
import type { ReportDefinition } from '../domain/report/report-definition.ts';
import type { Db, Sql } from './store.ts';

export interface Report {
  readonly id: number;
  readonly organisationId: number;
  readonly organisationName: string;
  readonly authorId: number;
  readonly authorName: string;
  readonly title: string;
  readonly definition: ReportDefinition;
  readonly slug: string | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly versions: number;
}

export interface ReportVersion {
  readonly reportId: number;
  readonly slug: string;
  readonly version: number;
  readonly publishedAt: Date;
  readonly publishedBy: string;
  readonly organisationName: string;
  /** Set when the version was withdrawn: when, by whom and why. */
  readonly withdrawn: { readonly at: Date; readonly by: string; readonly reason: string } | null;
}

const SELECT = `r.id, r.organisation_id as "organisationId", o.name as "organisationName", r.author_id as "authorId", u.name as "authorName",
  r.title, r.definition, r.slug, r.created_at as "createdAt", r.updated_at as "updatedAt",
  (select count(*)::int from report_version v where v.report_id = r.id) as versions`;
const FROM = 'report r join organisation o on o.id = r.organisation_id join user_account u on u.id = r.author_id';

export async function createReport(sql: Db, definition: ReportDefinition, authorId: number, organisationId: number): Promise<Report> {
  const [row] = await sql<{ id: number }[]>`
    insert into report (organisation_id, author_id, title, definition)
    values (${organisationId}, ${authorId}, ${definition.title}, ${sql.json(definition as never)}) returning id`;
  return (await getReport(sql, row!.id))!;
}

export async function updateReport(sql: Db, id: number, definition: ReportDefinition): Promise<Report> {
  await sql`update report set title = ${definition.title}, definition = ${sql.json(definition as never)}, updated_at = now() where id = ${id}`;
  return (await getReport(sql, id))!;
}

export async function getReport(sql: Db, id: number): Promise<Report | undefined> {
  const [row] = await sql<Report[]>`select ${sql.unsafe(SELECT)} from ${sql.unsafe(FROM)} where r.id = ${id}`;
  return row;
}

/** The reports an organisation holds, latest first. */
export function listReports(sql: Db, organisationId: number) {
  return sql<Report[]>`select ${sql.unsafe(SELECT)} from ${sql.unsafe(FROM)} where r.organisation_id = ${organisationId} order by r.updated_at desc, r.id desc`;
}

/**
 * Adds the next version of a report, frozen; gives the report its public
 * address at first publishing. `pdf` is printed before the transaction, from
 * the same snapshot.
 */
/** Publishes the next version; `alongside` writes what must commit with it (its audit event) in the same transaction. */
export async function publishVersion(
  sql: Sql,
  reportId: number,
  snapshot: unknown,
  pdf: Buffer,
  publishedBy: number,
  alongside?: (tx: Db, version: ReportVersion) => Promise<void>,
): Promise<ReportVersion> {
  return sql.begin(async (tx) => {
    const [report] = await tx<{ slug: string | null; title: string }[]>`select slug, title from report where id = ${reportId} for update`;
    if (!report) throw new Error(`there is no report ${reportId}`);
    const slug = publicSlugOf({ id: reportId, ...report });
    if (!report.slug) await tx`update report set slug = ${slug} where id = ${reportId}`;
    const [next] = await tx<{ version: number }[]>`select coalesce(max(version), 0)::int + 1 as version from report_version where report_id = ${reportId}`;
    await tx`
      insert into report_version (report_id, version, published_by, snapshot, pdf)
      values (${reportId}, ${next!.version}, ${publishedBy}, ${tx.json(snapshot as never)}, ${pdf})`;
    const published = (await versionsOf(tx, reportId)).find((v) => v.version === next!.version)!;
    await alongside?.(tx, published);
    return published;
  }) as Promise<ReportVersion>;
}

const VERSION_SELECT = `v.report_id as "reportId", r.slug, v.version, v.published_at as "publishedAt", u.name as "publishedBy", o.name as "organisationName",
  case when w.report_id is null then null else json_build_object('at', w.withdrawn_at, 'by', wu.name, 'reason', w.reason) end as withdrawn`;
const VERSION_FROM = `report_version v join report r on r.id = v.report_id join user_account u on u.id = v.published_by join organisation o on o.id = r.organisation_id
  left join report_withdrawal w on w.report_id = v.report_id and w.version = v.version left join user_account wu on wu.id = w.withdrawn_by`;

/** A version as read: the withdrawal's time comes out of JSON as text. */
function versionOf<T extends ReportVersion>(row: T): T {
  return row.withdrawn ? { ...row, withdrawn: { ...row.withdrawn, at: new Date(row.withdrawn.at) } } : row;
}

export async function versionsOf(sql: Db, reportId: number): Promise<ReportVersion[]> {
  return (await sql<ReportVersion[]>`select ${sql.unsafe(VERSION_SELECT)} from ${sql.unsafe(VERSION_FROM)} where v.report_id = ${reportId} order by v.version desc`).map(versionOf);
}

/** The published versions of the report at a public address, latest first. */
export async function versionsBySlug(sql: Db, slug: string): Promise<ReportVersion[]> {
  return (await sql<ReportVersion[]>`select ${sql.unsafe(VERSION_SELECT)} from ${sql.unsafe(VERSION_FROM)} where r.slug = ${slug} order by v.version desc`).map(versionOf);
}

export async function versionSnapshot(sql: Db, slug: string, version: number): Promise<{ version: ReportVersion; snapshot: unknown } | undefined> {
  const [row] = await sql<(ReportVersion & { snapshot: unknown })[]>`
    select ${sql.unsafe(VERSION_SELECT)}, v.snapshot from ${sql.unsafe(VERSION_FROM)} where r.slug = ${slug} and v.version = ${version}`;
  if (!row) return undefined;
  const { snapshot, ...version_ } = row;
  return { version: versionOf(version_), snapshot };
}

/**
 * Withdraws a published version: records who, when and why beside it. A
 * version is withdrawn once; asking again changes nothing and says so.
 */
export async function withdrawVersion(sql: Db, reportId: number, version: number, withdrawnBy: number, reason: string): Promise<'withdrawn' | 'already_withdrawn' | 'no_such_version'> {
  const [row] = await sql<{ withdrawn: boolean }[]>`
    select exists (select from report_withdrawal w where w.report_id = v.report_id and w.version = v.version) as withdrawn
    from report_version v where v.report_id = ${reportId} and v.version = ${version}`;
  if (!row) return 'no_such_version';
  if (row.withdrawn) return 'already_withdrawn';
  const made = await sql`
    insert into report_withdrawal (report_id, version, withdrawn_by, reason) values (${reportId}, ${version}, ${withdrawnBy}, ${reason})
    on conflict do nothing`;
  return made.count === 1 ? 'withdrawn' : 'already_withdrawn';
}

export async function versionPdf(sql: Db, slug: string, version: number): Promise<Buffer | undefined> {
  const [row] = await sql<{ pdf: Buffer }[]>`select v.pdf from report_version v join report r on r.id = v.report_id where r.slug = ${slug} and v.version = ${version}`;
  return row?.pdf;
}

/** The public address of a report's versions: set at its first publishing, from its title and number. */
export function publicSlugOf(report: Pick<Report, 'id' | 'slug' | 'title'>): string {
  return report.slug ?? `${slugOf(report.title)}-${report.id}`;
}

/** An address from a title: lower-case words joined by hyphens, accents dropped. */
export function slugOf(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug === '' ? 'report' : slug;
}
