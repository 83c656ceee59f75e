// A council's surveys, each use-case once, called by the API, the pages and
// the demo alike: a council's performance officer records its survey as it
// was run (one record per authority; per wave for a tracker) and changes it
// from the latest reading only; whoever the policy lets read it reads it,
// each read of a held survey audited. The national poll's waves are surveys
// of England, kept by administrators as public reference data.
import type { UserViewer } from '../../../domain/access/index.ts';
import { parsePeriod, type Period } from '../../../domain/period/index.ts';
import { financialYearOf, type SurveyRecord } from '../../../domain/surveys/index.ts';
import type { Sql } from '../../../store/store.ts';
import { createSurvey, getSurvey, sameSurvey, surveysOf as storedSurveysOf, updateSurvey, type Survey, type SurveyDraft } from '../../../store/surveys.ts';
import { getArea } from '../../../store/catalogue.ts';
import { findRevealed } from '../../platform/access/find-record.ts';
import type { RequestAccess } from '../../platform/access/index.ts';
import { surveyRecord } from '../../platform/access/held-records.ts';
import { badRequest, HttpError } from '../../platform/http/http-error.ts';
import { checked, type z } from '../../platform/http/input-schema.ts';
import { surveyBody, surveyChangeBody } from './api-inputs.ts';
import { QUESTION_SET_RECORD } from './question-sets.ts';
import { checkedRecord, workOutAgain } from './survey-checks.ts';

/** England: its surveys are the national poll's waves, the reference series every council is set beside. */
export const ENGLAND = 'E92000001';

/** What the policy reads of a survey: a council's is held by it until released; the poll's is public, kept by administrators. */
export function guardOf(survey: Pick<Survey, 'council' | 'organisationId'>) {
  if (survey.council === ENGLAND) return QUESTION_SET_RECORD;
  // The release path names the shares and the instant; until it does, a survey is private to its council.
  return surveyRecord({ areaCode: survey.council, ownerOrganisationId: survey.organisationId });
}

/** The survey the path names, if the viewer may `action` it: otherwise not found (another council's survey is not confirmed), or 403. */
export async function findSurvey(sql: Sql, access: RequestAccess, idText: unknown, action: 'read' | 'change'): Promise<Survey> {
  return findRevealed(access, idText, 'survey', action, (id) => getSurvey(sql, id), guardOf);
}

/** Reads one survey. */
export function readSurvey(sql: Sql, access: RequestAccess, idText: unknown): Promise<Survey> {
  return findSurvey(sql, access, idText, 'read');
}

/** A council's surveys the viewer may read, latest fieldwork first; each read of a held one audited. */
export async function surveysOf(sql: Sql, access: RequestAccess, council: string): Promise<Survey[]> {
  return access.reveal(await storedSurveysOf(sql, council), guardOf, (s) => String(s.id), `surveys of ${council}`);
}

/** Records a survey, held by the recording officer's council (the poll's waves: by the administrator's organisation). */
export async function addSurvey(sql: Sql, access: RequestAccess, body: unknown, options: { synthetic?: boolean } = {}): Promise<Survey> {
  const user = signedIn(access);
  const given = checked(surveyBody, body);
  const holder = { council: given.council, organisationId: user.organisationId };
  access.require('change', guardOf(holder), 'survey');
  refuseOtherCouncil(user, given.council);
  if (!(await getArea(sql, given.council))) throw badRequest(`'council': ${given.council} is not an area Lantern knows`);
  const draft = await checkedDraft(sql, given.council, given, access.now, options.synthetic ?? false);
  await refuseRepeat(sql, draft);
  return sql.begin(async (tx) => {
    const id = await createSurvey(tx, draft, user.organisationId, user.userId);
    await access.audit(tx, 'change', 'survey', String(id), `recorded survey '${draft.title}' of ${draft.council} (${draft.method}, fieldwork ${draft.fieldworkStart} to ${draft.fieldworkEnd})`);
    return (await getSurvey(tx, id))!;
  });
}

/** Changes the survey's record from the latest reading; results already entered are judged again against the changed record. */
export async function changeSurvey(sql: Sql, access: RequestAccess, idText: unknown, body: unknown): Promise<Survey> {
  const survey = await findSurvey(sql, access, idText, 'change');
  const given = checked(surveyChangeBody, body);
  if (given.revision !== survey.revision) {
    throw new HttpError(
      409,
      'stale',
      `'revision': survey ${survey.id} was changed on ${survey.changedAt.toISOString().slice(0, 10)} after revision ${given.revision} was read: read it again (revision ${survey.revision})`,
    );
  }
  const draft = await checkedDraft(sql, survey.council, given, access.now, survey.synthetic);
  await refuseRepeat(sql, draft, survey.id);
  return sql.begin(async (tx) => {
    await updateSurvey(tx, survey.id, draft, access.actor.userId);
    await workOutAgain(tx, access, survey.id);
    await access.audit(tx, 'change', 'survey', String(survey.id), `changed survey '${draft.title}'`);
    return (await getSurvey(tx, survey.id))!;
  });
}

type GivenSurvey = Omit<z.output<typeof surveyBody>, 'council'>;

/** The record as the domain's checks take it, checked; and the period of its fieldwork's end. */
async function checkedDraft(sql: Sql, council: string, given: GivenSurvey, now: number, synthetic: boolean): Promise<SurveyDraft> {
  const record: SurveyRecord = {
    council,
    method: given.method,
    fieldworkStart: given.fieldworkStart,
    fieldworkEnd: given.fieldworkEnd,
    sampling: given.sampling,
    achievedSample: given.achievedSample,
    weighting: given.weighting,
    placements: given.placements,
    tracker: given.tracker,
  };
  await checkedRecord(sql, record, now);
  return { ...record, title: given.title, period: periodOf(financialYearOf(record.fieldworkEnd)), synthetic };
}

function periodOf(label: string): Period {
  const parsed = parsePeriod(label);
  if (parsed.kind !== 'ok') throw new Error(`financialYearOf gave ${label}: ${parsed.reason}`);
  return parsed.period;
}

/** The same survey twice for one period and method (and wave) is refused, naming the one already there. */
async function refuseRepeat(sql: Sql, draft: SurveyDraft, except?: number): Promise<void> {
  const same = await sameSurvey(sql, draft, except);
  if (!same) return;
  const wave = draft.tracker ? `, wave ${draft.tracker.wave} of '${draft.tracker.name}'` : '';
  throw new HttpError(409, 'conflict', `'method': survey ${same.id} ('${same.title}') is already recorded for ${draft.council} in ${draft.period.label} by ${draft.method.replace('_', ' ')}${wave}`, {
    existing: same.id,
  });
}

/** A council's officer records surveys of their own council; the poll's waves are England's. */
function refuseOtherCouncil(user: UserViewer, council: string): void {
  if (council === ENGLAND || user.councilArea === council) return;
  throw new HttpError(403, 'forbidden', `'council': you record surveys of your own council${user.councilArea ? ` (${user.councilArea})` : ''}, not of ${council}`);
}

/** Surveys are recorded by someone: the public is asked to sign in. */
function signedIn(access: RequestAccess): UserViewer {
  const viewer = access.viewer;
  if (viewer.kind !== 'user') throw new HttpError(401, 'sign_in_required', 'Sign in to record a survey.');
  return viewer;
}
