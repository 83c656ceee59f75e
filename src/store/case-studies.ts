// The good-practice library (migration 042): case studies, their councils and
// improved metrics, moderation's moves, and the search. Search filters what
// the reader may not see in SQL, so that counts and pages are right; the
// reader's reach (`CaseStudyReader`) is worked out from the access policy by
// the caller, and a test holds the two to the same answers.
import type { CaseStudyDraft, CaseStudySource, ModerationState, ReadMetric } from '../domain/good-practice/index.ts';
import type { Db, Sql } from './store.ts';

export interface CaseStudy {
  readonly id: number;
  readonly title: string;
  readonly summary: string;
  readonly body: string;
  readonly councils: readonly string[];
  readonly themes: readonly string[];
  readonly metrics: readonly { readonly metric: string; readonly from: string; readonly to: string }[];
  readonly source: CaseStudySource;
  readonly sourceNote: string | null;
  readonly illustrative: boolean;
  readonly state: ModerationState;
  readonly returnReason: string | null;
  readonly authorId: number | null;
  readonly authorName: string | null;
  readonly organisationId: number;
  readonly moderatorId: number | null;
  readonly writtenAt: Date;
  readonly changedAt: Date;
  readonly submittedAt: Date | null;
  readonly moderatedAt: Date | null;
  readonly publishedAt: Date | null;
  readonly revision: number;
}

/** What a case study's words and links are, checked by the domain, with its metrics' periods read. */
export interface StoredDraft extends Omit<CaseStudyDraft, 'metrics'> {
  readonly metrics: readonly ReadMetric[];
}

/**
 * Who reads, as the policy sees a case study: everyone reads published ones;
 * a signed-in person their own in any state, and those in moderation
 * (submitted or returned) held by their organisation, or every one in
 * moderation if they moderate the library.
 */
export type CaseStudyReader = { readonly kind: 'public' } | { readonly kind: 'user'; readonly userId: number; readonly organisationId: number; readonly moderator: boolean };

export interface CaseStudySearch {
  /** Words as a person types them into a search box (websearch_to_tsquery): "a phrase", or, -not. */
  readonly text?: string;
  readonly theme?: string;
  readonly council?: string;
  readonly region?: string;
  readonly authorityType?: string;
  readonly metric?: string;
  readonly source?: CaseStudySource;
  /** A period's span: case studies whose improvement touches it. */
  readonly period?: { readonly start: string; readonly end: string };
  readonly state?: ModerationState;
  /** Only the reader's own. */
  readonly mine?: boolean;
  readonly offset: number;
  readonly limit: number;
}

/** A result: the case study's heading parts, and where words were asked for, its rank and a snippet with the matches between \u0001 and \u0002. */
export interface FoundCaseStudy {
  readonly id: number;
  readonly title: string;
  readonly summary: string;
  readonly state: ModerationState;
  readonly source: CaseStudySource;
  readonly illustrative: boolean;
  readonly councils: readonly string[];
  readonly themes: readonly string[];
  readonly publishedAt: Date | null;
  readonly changedAt: Date;
  readonly rank: number | null;
  readonly headline: string | null;
}

export interface CaseStudyPage {
  readonly total: number;
  readonly items: readonly FoundCaseStudy[];
}

const SELECT = `cs.id, cs.title, cs.summary, cs.body, cs.themes, cs.source, cs.source_note as "sourceNote", cs.illustrative, cs.state,
  cs.return_reason as "returnReason", cs.author_id as "authorId", u.name as "authorName", cs.organisation_id as "organisationId",
  cs.moderator_id as "moderatorId", cs.written_at as "writtenAt", cs.changed_at as "changedAt", cs.submitted_at as "submittedAt",
  cs.moderated_at as "moderatedAt", cs.published_at as "publishedAt", cs.revision,
  array(select c.area_code from case_study_council c where c.case_study_id = cs.id order by c.position) as councils,
  coalesce((select json_agg(json_build_object('metric', m.metric_code, 'from', m.from_period, 'to', m.to_period) order by m.position)
    from case_study_metric m where m.case_study_id = cs.id), '[]') as metrics`;

export async function getCaseStudy(db: Db, id: number): Promise<CaseStudy | undefined> {
  const [row] = await db.unsafe<CaseStudy[]>(`select ${SELECT} from case_study cs left join user_account u on u.id = cs.author_id where cs.id = $1`, [id]);
  return row;
}

/** Keeps a new draft, held by the writer's organisation; returns its id. */
export async function createCaseStudy(db: Db, draft: StoredDraft, authorId: number | null, organisationId: number, state: ModerationState = 'draft'): Promise<number> {
  const [row] = await db<{ id: number }[]>`
    insert into case_study (title, summary, body, themes, source, source_note, illustrative, author_id, organisation_id, state, submitted_at, published_at)
    values (${draft.title.trim()}, ${draft.summary.trim()}, ${draft.body.trim()}, ${draft.themes as string[]}, ${draft.source}, ${draft.sourceNote?.trim() || null},
      ${draft.illustrative}, ${authorId}, ${organisationId}, ${state},
      ${state === 'draft' ? null : new Date()}, ${state === 'published' ? new Date() : null})
    returning id`;
  await writeLinks(db, row!.id, draft);
  return row!.id;
}

/** Changes the words and links of a case study at `revision`; false when it has moved on since (or is no longer its writer's to change). */
export async function updateCaseStudy(db: Db, id: number, revision: number, draft: StoredDraft): Promise<boolean> {
  const changed = await db`
    update case_study set title = ${draft.title.trim()}, summary = ${draft.summary.trim()}, body = ${draft.body.trim()}, themes = ${draft.themes as string[]},
      source = ${draft.source}, source_note = ${draft.sourceNote?.trim() || null}, illustrative = ${draft.illustrative},
      changed_at = now(), revision = revision + 1
    where id = ${id} and revision = ${revision} and state in ('draft', 'returned')`;
  if (changed.count !== 1) return false;
  await db`delete from case_study_council where case_study_id = ${id}`;
  await db`delete from case_study_metric where case_study_id = ${id}`;
  await writeLinks(db, id, draft);
  return true;
}

/**
 * Moves a case study from `from` to `to` (submitted, published, returned),
 * recording who moderated it and why it was returned; false when it was no
 * longer in `from` (another moderator was first).
 */
export async function moveCaseStudy(db: Db, id: number, from: ModerationState, to: ModerationState, by: number | null, reason: string | null = null): Promise<boolean> {
  const moderated = to === 'published' || to === 'returned';
  const moved = await db`
    update case_study set state = ${to}, revision = revision + 1, changed_at = now(),
      submitted_at = case when ${to} = 'submitted' then now() else submitted_at end,
      moderator_id = case when ${moderated} then ${by} else moderator_id end,
      moderated_at = case when ${moderated} then now() else moderated_at end,
      published_at = case when ${to} = 'published' then now() else published_at end,
      return_reason = case when ${to} = 'returned' then ${reason} else return_reason end
    where id = ${id} and state = ${from}`;
  return moved.count === 1;
}

async function writeLinks(db: Db, id: number, draft: StoredDraft): Promise<void> {
  if (draft.councils.length > 0) {
    await db`insert into case_study_council ${db(draft.councils.map((code, position) => ({ case_study_id: id, area_code: code, position })))}`;
  }
  if (draft.metrics.length > 0) {
    await db`insert into case_study_metric ${db(
      draft.metrics.map((m, position) => ({
        case_study_id: id,
        position,
        metric_code: m.metric,
        from_period: m.fromPeriod.label,
        to_period: m.toPeriod.label,
        improved_during: `[${m.fromPeriod.start},${m.toPeriod.end}]`,
      })),
    )}`;
  }
}

/** The SQL condition and parameters of what the reader may see, of the rows named `cs`. */
function visibleTo(reader: CaseStudyReader, params: unknown[], cs = 'cs'): string {
  if (reader.kind === 'public') return `${cs}.state = 'published'`;
  params.push(reader.userId);
  const user = `$${params.length}`;
  if (reader.moderator) return `(${cs}.state in ('published', 'submitted', 'returned') or ${cs}.author_id = ${user})`;
  params.push(reader.organisationId);
  return `(${cs}.state = 'published' or ${cs}.author_id = ${user} or (${cs}.state in ('submitted', 'returned') and ${cs}.organisation_id = $${params.length}))`;
}

/** The conditions of a search but its words, on the rows named `cs`, with their parameters. */
function conditions(reader: CaseStudyReader, search: CaseStudySearch, params: unknown[], cs = 'cs'): string[] {
  const where = [visibleTo(reader, params, cs)];
  const add = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  if (search.theme) where.push(`${cs}.themes @> array[${add(search.theme)}::text]`);
  if (search.source) where.push(`${cs}.source = ${add(search.source)}`);
  if (search.state) where.push(`${cs}.state = ${add(search.state)}`);
  if (search.mine) where.push(reader.kind === 'user' ? `${cs}.author_id = ${add(reader.userId)}` : 'false');
  if (search.council) where.push(`exists (select 1 from case_study_council c where c.case_study_id = ${cs}.id and c.area_code = ${add(search.council)})`);
  if (search.region || search.authorityType) {
    const parts = [`c.case_study_id = ${cs}.id`];
    if (search.region) parts.push(`a.region_code = ${add(search.region)}`);
    if (search.authorityType) parts.push(`a.type = ${add(search.authorityType)}`);
    where.push(`exists (select 1 from case_study_council c join area a on a.code = c.area_code where ${parts.join(' and ')})`);
  }
  if (search.metric) where.push(`exists (select 1 from case_study_metric m where m.case_study_id = ${cs}.id and m.metric_code = ${add(search.metric)})`);
  if (search.period) {
    where.push(
      `exists (select 1 from case_study_metric m where m.case_study_id = ${cs}.id and m.improved_during && daterange(${add(search.period.start)}::date, ${add(search.period.end)}::date, '[]'))`,
    );
  }
  return where;
}

const HEADING = `cs.id, cs.title, cs.summary, cs.state, cs.source, cs.illustrative, cs.themes, cs.published_at as "publishedAt", cs.changed_at as "changedAt",
  array(select c.area_code from case_study_council c where c.case_study_id = cs.id order by c.position) as councils`;
/** Latest first, of the rows named `cs`. */
const inOrder = (cs: string) => `${cs}.published_at desc nulls last, ${cs}.changed_at desc, ${cs}.id desc`;

/**
 * A page of the case studies the reader may see that match: by rank when
 * words are asked for (ts_rank of the title and summary: a match there
 * first; ties, and matches in the body alone, latest published first), else
 * latest first; with the count of every match. Snippets are made for the
 * page's rows alone.
 */
export function searchCaseStudies(sql: Sql, reader: CaseStudyReader, search: CaseStudySearch): Promise<CaseStudyPage> {
  return search.text ? searchWords(sql, reader, { ...search, text: search.text }) : latest(sql, reader, search);
}

/**
 * A read written as text with $n parameters, sent as a tagged query: the
 * store routes a tagged query that is plainly a read to the read replica,
 * where `sql.unsafe` always goes to the primary. The text holds no `$` but
 * its parameters'.
 */
function read<T extends readonly object[]>(sql: Db, text: string, params: readonly unknown[]): Promise<T> {
  const parts = text.split(/\$(\d+)/);
  const strings = parts.filter((_, i) => i % 2 === 0);
  const values = parts.filter((_, i) => i % 2 === 1).map((n) => params[Number(n) - 1]);
  return sql(Object.assign(strings, { raw: [...strings] }) as unknown as TemplateStringsArray, ...(values as never[])) as unknown as Promise<T>;
}

/** Without words: the count and the page asked apart, so that the page reads only its own rows, latest first. */
async function latest(sql: Sql, reader: CaseStudyReader, search: CaseStudySearch): Promise<CaseStudyPage> {
  const params: unknown[] = [];
  const where = conditions(reader, search, params).join(' and ');
  const paging = [...params, search.limit, search.offset];
  const [[counted], items] = await Promise.all([
    read<{ total: number }[]>(sql, `select count(*)::int as total from case_study cs where ${where}`, params),
    read<FoundCaseStudy[]>(
      sql,
      `with page as (select cs.id from case_study cs where ${where} order by ${inOrder('cs')} limit $${paging.length - 1} offset $${paging.length})
       select ${HEADING}, null::real as rank, null as headline from page p join case_study cs on cs.id = p.id order by ${inOrder('cs')}`,
      paging,
    ),
  ]);
  return { total: counted!.total, items };
}

/**
 * How much of a case study its snippet is made from: the summary and the
 * body's opening, to this many characters. Making a snippet parses its text
 * word by word, so its cost grows with the text: twenty bodies of the
 * 20,000 characters a case study may have took some 35 to 60 ms of the
 * server's processor, twenty of 4,000 under 10. A case study whose words are
 * found only further on is found and ranked all the same; its snippet is
 * its opening, with no match marked.
 */
export const SNIPPET_CHARACTERS = 4000;

/** The SQL of the snippet of the rows named `cs` for `query`: up to two passages, the matches between \u0001 and \u0002. */
export function snippet(cs: string, query: string): string {
  return `ts_headline('english', left(${cs}.summary || ' ' || ${cs}.body, ${SNIPPET_CHARACTERS}), ${query},
    'MaxFragments=2, MinWords=8, MaxWords=24, FragmentDelimiter=" … ", StartSel=' || chr(1) || ', StopSel=' || chr(2))`;
}

/** A search with words as one statement: its text and parameters (exported for the plan's test and the bench's EXPLAIN). */
export function wordsStatement(reader: CaseStudyReader, search: CaseStudySearch & { readonly text: string }): { text: string; params: unknown[] } {
  const params: unknown[] = [search.text];
  // a subquery, so that the words are parsed once, not once a row, whatever plan the statement keeps
  const query = `(select websearch_to_tsquery('english', $1))`;
  const where = conditions(reader, search, params, 'f').join(' and ');
  params.push(search.limit, search.offset);
  const text = `with found as materialized (
      select f.id, f.published_at, f.changed_at, ts_rank(f.lead, ${query}) as rank
      from (select cs.id, cs.state, cs.author_id, cs.organisation_id, cs.themes, cs.source, cs.published_at, cs.changed_at, cs.lead
            from case_study cs where cs.document @@ ${query} offset 0) f
      where ${where}),
    page as (select * from found order by rank desc, ${inOrder('found')} limit $${params.length - 1} offset $${params.length})
    select (select count(*)::int from found) as total, ${HEADING}, p.rank,
      ${snippet('cs', query)} as headline
    from (select) one left join (page p join case_study cs on cs.id = p.id) on true
    order by p.rank desc, ${inOrder('p')}`;
  return { text, params };
}

/**
 * With words, one statement counts the matches and ranks the page from a
 * single pass over them. The matches come from the GIN index alone: the
 * planner, knowing nothing of the cost of unpacking a stored document vector
 * (kept out of line), would otherwise test the words against every row's
 * document, or against every row another index found, and that unpacking
 * was most of a search's time. So the words are matched inside a subquery
 * that nothing is pushed into (offset 0), and the words are a subquery's
 * value, which the planner cannot see when it plans: it takes them to match
 * a few rows, for which the index is the cheaper way. A test holds every
 * kind of search to that plan. The index finds the rows (for words, with no
 * second look at the document; for a phrase, the document of the few
 * candidates is read to check the words' order), and what the reader may
 * see and the filters are tested on the rows found. Being one plain read,
 * with no setting and no transaction, it goes to the read replica when
 * there is one.
 */
async function searchWords(sql: Sql, reader: CaseStudyReader, search: CaseStudySearch & { readonly text: string }): Promise<CaseStudyPage> {
  const { text, params } = wordsStatement(reader, search);
  const rows = await read<(FoundCaseStudy & { total: number; id: number | null })[]>(sql, text, params);
  const items = rows.filter((row): row is typeof row & { id: number } => row.id !== null).map(({ total: _total, ...item }): FoundCaseStudy => item);
  return { total: rows[0]?.total ?? 0, items };
}

/** The themes of the case studies the reader may see, A to Z, for the library's filter. */
export async function caseStudyThemes(db: Db, reader: CaseStudyReader): Promise<string[]> {
  const params: unknown[] = [];
  const rows = await read<{ theme: string }[]>(db, `select distinct unnest(cs.themes) as theme from case_study cs where ${visibleTo(reader, params)} order by 1`, params);
  return rows.map((r) => r.theme);
}

/** Published case studies that improved `metric` and are about one of `councils`, by council. */
export async function publishedCaseStudiesOf(db: Db, metric: string, councils: readonly string[]): Promise<Map<string, { id: number; title: string; illustrative: boolean }[]>> {
  const found = new Map<string, { id: number; title: string; illustrative: boolean }[]>();
  if (councils.length === 0) return found;
  const rows = await db<{ council: string; id: number; title: string; illustrative: boolean }[]>`
    select distinct c.area_code as council, cs.id, cs.title, cs.illustrative, cs.published_at
    from case_study_metric m
    join case_study cs on cs.id = m.case_study_id and cs.state = 'published'
    join case_study_council c on c.case_study_id = cs.id
    where m.metric_code = ${metric} and c.area_code = any(${councils as string[]})
    order by cs.published_at desc, cs.id`;
  for (const row of rows) {
    const list = found.get(row.council) ?? [];
    list.push({ id: row.id, title: row.title, illustrative: row.illustrative });
    found.set(row.council, list);
  }
  return found;
}

/** A stamp of the published library: it changes whenever a case study is published (pages that list them are kept under it). */
export async function publishedCaseStudiesStamp(db: Db): Promise<string> {
  const [row] = await db<{ stamp: string }[]>`
    select concat(count(*), '/', max(published_at)) as stamp from case_study where state = 'published'`;
  return row!.stamp;
}

/** Which of these area and metric codes the hub holds, for the domain's check of a draft. */
export async function knownCodes(db: Db, areas: readonly string[], metrics: readonly string[]): Promise<{ areas: Set<string>; metrics: Set<string> }> {
  const [foundAreas, foundMetrics] = await Promise.all([
    areas.length ? db<{ code: string }[]>`select code from area where code = any(${areas as string[]})` : [],
    metrics.length ? db<{ code: string }[]>`select code from metric where code = any(${metrics as string[]})` : [],
  ]);
  return { areas: new Set(foundAreas.map((r) => r.code)), metrics: new Set(foundMetrics.map((r) => r.code)) };
}
