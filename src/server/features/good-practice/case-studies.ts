// The good-practice library's use-cases, each once, called by the API, the
// pages and the demo alike: anyone searches and reads what the policy lets
// them; a council's performance officer or a provider's staff writes a case
// study, changes it while it is theirs (a stale revision answers 409 naming
// who changed it when) and submits it; the library's moderators (peer
// challenge managers) publish it or return it with a reason. Every change is
// audited in its transaction; every read of an unpublished one is audited.
import { parsePeriod } from '../../../domain/period/index.ts';
import { checkCaseStudy, isEditable, moderate, type CaseStudyDraft, type ModerationState, type ModerationStep } from '../../../domain/good-practice/index.ts';
import {
  caseStudyThemes,
  createCaseStudy,
  getCaseStudy,
  knownCodes,
  moveCaseStudy,
  searchCaseStudies,
  updateCaseStudy,
  type CaseStudy,
  type CaseStudyPage,
  type StoredDraft,
} from '../../../store/case-studies.ts';
import type { Sql } from '../../../store/store.ts';
import { findRevealed } from '../../platform/access/find-record.ts';
import type { RequestAccess } from '../../platform/access/index.ts';
import { invalidInput } from '../../platform/http/checked-input.ts';
import { HttpError } from '../../platform/http/http-error.ts';
import { checked } from '../../platform/http/input-schema.ts';
import { caseStudyBody, caseStudyChangeBody, PAGE_SIZE, returnBody, type LibraryQuery } from './api-inputs.ts';
import { caseStudyRecord, moderates, readerOf } from './case-study-guard.ts';

export interface Library extends CaseStudyPage {
  readonly page: number;
  readonly pages: number;
  readonly themes: readonly string[];
}

/** A page of the case studies the viewer may see that match; the unpublished ones shown are audited as read. */
export async function searchLibrary(sql: Sql, access: RequestAccess, query: LibraryQuery): Promise<Library> {
  const reader = readerOf(access.viewer, (record) => access.may('read', record));
  let period: { start: string; end: string } | undefined;
  if (query.period !== undefined) {
    const parsed = parsePeriod(query.period);
    if (parsed.kind !== 'ok') throw invalidInput([{ field: 'period', message: `'period': '${query.period}' is not a period: ${parsed.reason}` }]);
    period = { start: parsed.period.start, end: parsed.period.end };
  }
  const [found, themes] = await Promise.all([
    searchCaseStudies(sql, reader, {
      text: query.q || undefined,
      theme: query.theme,
      council: query.council,
      region: query.region,
      authorityType: query.type,
      metric: query.metric,
      source: query.source,
      period,
      state: query.state,
      mine: query.mine,
      offset: (query.page - 1) * PAGE_SIZE,
      limit: PAGE_SIZE,
    }),
    caseStudyThemes(sql, reader),
  ]);
  const unpublished = found.items.filter((i) => i.state !== 'published').map((i) => String(i.id));
  if (unpublished.length > 0) await access.auditReads('case_study', unpublished, 'found in the good-practice library');
  return { ...found, page: query.page, pages: Math.max(1, Math.ceil(found.total / PAGE_SIZE)), themes };
}

/** The case study the path names, if the viewer may `action` it: otherwise not found (another's draft is not confirmed), or 403. */
export async function findCaseStudy(sql: Sql, access: RequestAccess, idText: unknown, action: 'read' | 'change'): Promise<CaseStudy> {
  return findRevealed(access, idText, 'case study', action, (id) => getCaseStudy(sql, id), caseStudyRecord);
}

export function readCaseStudy(sql: Sql, access: RequestAccess, idText: unknown): Promise<CaseStudy> {
  return findCaseStudy(sql, access, idText, 'read');
}

/** Writes a draft, held by the writer's organisation. */
export async function writeCaseStudy(sql: Sql, access: RequestAccess, body: unknown): Promise<CaseStudy> {
  const viewer = access.viewer;
  if (viewer.kind !== 'user') throw new HttpError(401, 'sign_in_required', 'Sign in to write a case study.');
  access.require('change', caseStudyRecord({ state: 'draft', authorId: viewer.userId, organisationId: viewer.organisationId }), 'case study');
  const draft = await checkedDraft(sql, checked(caseStudyBody, body));
  return sql.begin(async (tx) => {
    const id = await createCaseStudy(tx, draft, viewer.userId, viewer.organisationId);
    await access.audit(tx, 'change', 'case_study', String(id), `wrote case study '${draft.title}'`);
    return (await getCaseStudy(tx, id))!;
  });
}

/** Changes a case study while it is its writer's (a draft, or returned), from the revision read. */
export async function changeCaseStudy(sql: Sql, access: RequestAccess, idText: unknown, body: unknown): Promise<CaseStudy> {
  const study = await findCaseStudy(sql, access, idText, 'change');
  const given = checked(caseStudyChangeBody, body);
  if (!isEditable(study.state)) throw new HttpError(409, 'conflict', `'state': case study ${study.id} is ${study.state}: it can be changed only as a draft or when returned`);
  if (given.revision !== study.revision) throw stale(study, given.revision);
  const draft = await checkedDraft(sql, given);
  return sql.begin(async (tx) => {
    if (!(await updateCaseStudy(tx, study.id, given.revision, draft))) throw stale((await getCaseStudy(tx, study.id))!, given.revision);
    await access.audit(tx, 'change', 'case_study', String(study.id), `changed case study '${draft.title}'`);
    return (await getCaseStudy(tx, study.id))!;
  });
}

/** Sends a case study for moderation: its writer (or their council, for a returned one). */
export function submitCaseStudy(sql: Sql, access: RequestAccess, idText: unknown): Promise<CaseStudy> {
  return step(sql, access, idText, 'submit', null);
}

/** Publishes a submitted case study: the library's moderators alone. */
export function publishCaseStudy(sql: Sql, access: RequestAccess, idText: unknown): Promise<CaseStudy> {
  return step(sql, access, idText, 'publish', null);
}

/** Returns a submitted case study to its writer with the reason: the library's moderators alone. */
export function returnCaseStudy(sql: Sql, access: RequestAccess, idText: unknown, body: unknown): Promise<CaseStudy> {
  return step(sql, access, idText, 'return', checked(returnBody, body).reason);
}

async function step(sql: Sql, access: RequestAccess, idText: unknown, taken: ModerationStep, reason: string | null): Promise<CaseStudy> {
  const study = await findCaseStudy(sql, access, idText, 'change');
  if (taken !== 'submit' && !moderates((action, record) => access.may(action, record))) {
    throw new HttpError(403, 'forbidden', `only the library's moderators (peer challenge managers) may ${taken} a case study`, { missing: 'role', action: 'change', kind: 'case_study' });
  }
  const moved = moderate(study.state, taken, reason);
  if (moved.kind === 'refused') throw moved.field === 'reason' ? invalidInput([{ field: 'reason', message: moved.message }]) : new HttpError(409, 'conflict', moved.message, { state: study.state });
  return sql.begin(async (tx) => {
    if (!(await moveCaseStudy(tx, study.id, study.state, moved.state, access.actor.userId, reason))) {
      const now = (await getCaseStudy(tx, study.id))!;
      throw new HttpError(409, 'conflict', `'state': case study ${study.id} was ${now.state} by someone else meanwhile`, { state: now.state });
    }
    await access.audit(tx, 'change', 'case_study', String(study.id), `${pastOf(moved.state)} case study '${study.title}'${reason ? `: ${reason}` : ''}`);
    return (await getCaseStudy(tx, study.id))!;
  });
}

function pastOf(state: ModerationState): string {
  return state === 'submitted' ? 'submitted' : state === 'published' ? 'published' : 'returned';
}

function stale(study: CaseStudy, read: number): HttpError {
  return new HttpError(
    409,
    'stale',
    `'revision': case study ${study.id} was changed on ${study.changedAt.toISOString().slice(0, 10)} after revision ${read} was read: read it again (revision ${study.revision})`,
  );
}

/** The domain's check of what was given, against the areas and metrics the hub holds; every problem at once. */
async function checkedDraft(sql: Sql, given: CaseStudyDraft): Promise<StoredDraft> {
  const draft: CaseStudyDraft = {
    ...given,
    councils: given.councils.map((c) => c.trim().toUpperCase()),
    themes: given.themes.map((t) => t.trim().toLowerCase()).filter((t) => t !== ''),
    metrics: given.metrics.map((m) => ({ metric: m.metric.trim(), from: m.from.trim(), to: m.to.trim() })),
  };
  const known = await knownCodes(
    sql,
    draft.councils,
    draft.metrics.map((m) => m.metric),
  );
  const result = checkCaseStudy(draft, { council: (c) => known.areas.has(c), metric: (m) => known.metrics.has(m) });
  if (result.kind === 'invalid') throw invalidInput(result.problems);
  return { ...draft, metrics: result.metrics };
}
