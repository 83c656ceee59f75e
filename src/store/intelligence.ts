// Intelligence items: notes about a council under a cause of failure and a
// Best Value theme, with their evidence and the day they were last reviewed,
// held by the author's organisation. What the access policy needs
// (author, holder, classification, current shares) comes with every row.
import type { Classification, Evidence, IntelligenceDraft } from '../domain/access/index.ts';
import type { BestValueTheme, Cause } from '../domain/early-warning/index.ts';
import type { Db } from './store.ts';

export interface IntelligenceItem {
  readonly id: number;
  readonly subjectArea: string;
  readonly subjectName: string;
  readonly cause: Cause;
  readonly bestValueTheme: BestValueTheme;
  readonly title: string;
  readonly note: string;
  readonly evidence: readonly Evidence[];
  readonly classification: Classification;
  readonly shareable: boolean;
  readonly authorId: number;
  readonly authorName: string;
  readonly ownerOrganisationId: number;
  readonly ownerOrganisationName: string;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  /** When it was recorded, last changed or marked reviewed: it goes stale from this. */
  readonly reviewedAt: Date;
  /** Organisations and people it is shared with now. */
  readonly sharedWithOrganisations: readonly number[];
  readonly sharedWithUsers: readonly number[];
}

const SELECT = `i.id, i.subject_area as "subjectArea", a.name as "subjectName", i.cause, i.best_value_theme as "bestValueTheme", i.title, i.note, i.evidence,
  i.classification, i.shareable, i.author_id as "authorId", u.name as "authorName", i.owner_organisation_id as "ownerOrganisationId",
  o.name as "ownerOrganisationName", i.created_at as "createdAt", i.updated_at as "updatedAt", i.reviewed_at as "reviewedAt",
  coalesce((select array_agg(s.with_organisation_id order by s.with_organisation_id) from share s
    where s.record_kind = 'intelligence_item' and s.record_id = i.id::text and s.revoked_at is null and s.with_organisation_id is not null), '{}') as "sharedWithOrganisations",
  coalesce((select array_agg(s.with_user_id order by s.with_user_id) from share s
    where s.record_kind = 'intelligence_item' and s.record_id = i.id::text and s.revoked_at is null and s.with_user_id is not null), '{}') as "sharedWithUsers"`;
const FROM = `intelligence_item i join area a on a.code = i.subject_area join user_account u on u.id = i.author_id join organisation o on o.id = i.owner_organisation_id`;

export async function createIntelligenceItem(sql: Db, item: IntelligenceDraft, authorId: number, ownerOrganisationId: number): Promise<IntelligenceItem> {
  const [row] = await sql<{ id: number }[]>`
    insert into intelligence_item (subject_area, cause, best_value_theme, title, note, evidence, classification, shareable, author_id, owner_organisation_id)
    values (${item.subjectArea}, ${item.cause}, ${item.bestValueTheme}, ${item.title}, ${item.note}, ${sql.json(item.evidence as never)}, ${item.classification},
      ${item.shareable}, ${authorId}, ${ownerOrganisationId})
    returning id`;
  return (await getIntelligenceItem(sql, row!.id))!;
}

export async function updateIntelligenceItem(sql: Db, id: number, item: IntelligenceDraft): Promise<IntelligenceItem> {
  await sql`
    update intelligence_item set subject_area = ${item.subjectArea}, cause = ${item.cause}, best_value_theme = ${item.bestValueTheme}, title = ${item.title},
      note = ${item.note}, evidence = ${sql.json(item.evidence as never)}, classification = ${item.classification}, shareable = ${item.shareable},
      updated_at = now(), reviewed_at = now()
    where id = ${id}`;
  return (await getIntelligenceItem(sql, id))!;
}

/** Marks the item reviewed now: whoever may change it has looked and it still holds. */
export async function markIntelligenceReviewed(sql: Db, id: number): Promise<IntelligenceItem> {
  await sql`update intelligence_item set reviewed_at = now() where id = ${id}`;
  return (await getIntelligenceItem(sql, id))!;
}

export async function getIntelligenceItem(sql: Db, id: number): Promise<IntelligenceItem | undefined> {
  const [row] = await sql<IntelligenceItem[]>`select ${sql.unsafe(SELECT)} from ${sql.unsafe(FROM)} where i.id = ${id}`;
  return row;
}

export interface IntelligenceQuery {
  readonly subjectArea?: string | undefined;
  /** Any of these causes. */
  readonly causes?: readonly Cause[] | undefined;
  readonly bestValueTheme?: BestValueTheme | undefined;
  /** Words the title or note contain. */
  readonly q?: string | undefined;
}

/**
 * Every item matching, newest first. The caller filters them through the
 * access policy; a page is cut from what the viewer may read.
 */
export function queryIntelligenceItems(sql: Db, query: IntelligenceQuery) {
  return sql<IntelligenceItem[]>`
    select ${sql.unsafe(SELECT)} from ${sql.unsafe(FROM)}
    where true
      ${query.subjectArea ? sql`and i.subject_area = ${query.subjectArea}` : sql``}
      ${query.causes ? sql`and i.cause = any(${query.causes as string[]}::text[])` : sql``}
      ${query.bestValueTheme ? sql`and i.best_value_theme = ${query.bestValueTheme}` : sql``}
      ${query.q ? sql`and (i.title || ' ' || i.note) ilike ${'%' + query.q.replace(/[\\%_]/g, (c) => '\\' + c) + '%'}` : sql``}
    order by i.id desc`;
}

/** Which of the observations an item gives as evidence are in the store: (metric, area, period) as 'metric|area|period'. */
export async function existingObservations(sql: Db, evidence: readonly Evidence[]): Promise<Set<string>> {
  const wanted = evidence.filter((e) => e.kind === 'observation');
  if (wanted.length === 0) return new Set();
  const rows = await sql<{ key: string }[]>`
    select w.metric || '|' || w.area || '|' || w.period as key
    from unnest(${wanted.map((e) => e.metric)}::text[], ${wanted.map((e) => e.area)}::text[], ${wanted.map((e) => e.period)}::text[]) as w (metric, area, period)
    join metric m on m.code = w.metric
    join area a on a.code = w.area
    join observation o on o.metric_id = m.id and o.area_id = a.id and o.period = w.period`;
  return new Set(rows.map((r) => r.key));
}
