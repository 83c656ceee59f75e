// The survey's record as a form that works without script: what the officer
// types (dates in three boxes, where each of the set's questions sat) made
// into the body addSurvey and changeSurvey take, and a refusal's fields
// made into the form's boxes and labels, so that the error summary links
// each problem to its box and keeps every typed value.
import { SAMPLINGS, SAMPLING_LABELS, SURVEY_METHODS, SURVEY_METHOD_LABELS, type QuestionSet } from '../../../domain/surveys/index.ts';
import type { Survey } from '../../../store/surveys.ts';
import { capitalise, type FieldProblem } from '../../platform/http/checked-input.ts';
import { HttpError } from '../../platform/http/http-error.ts';

export type Form = Record<string, string | undefined>;

const DATES = ['fieldworkStart', 'fieldworkEnd'] as const;

/** The form's fields as the use-case's body; what is left unanswered is said all at once, as GOV.UK forms say it. */
export function surveyFromForm(form: Form, set: QuestionSet): { body: Record<string, unknown>; problems: FieldProblem[] } {
  const text = (name: string) => form[name]?.trim() ?? '';
  const problems: FieldProblem[] = [];
  if (!text('title')) problems.push({ field: 'title', message: 'Enter the title of the survey' });
  if (!text('method')) problems.push({ field: 'method', message: 'Choose how the survey was run' });
  if (!text('sampling')) problems.push({ field: 'sampling', message: 'Choose how the sample was drawn' });
  const dates = Object.fromEntries(DATES.map((name) => [name, dateOf(form, name)]));
  if (!dates.fieldworkStart) problems.push({ field: 'fieldworkStart-day', message: "Enter the fieldwork's first day as day, month and year, for example 1 9 2023" });
  if (!dates.fieldworkEnd) problems.push({ field: 'fieldworkEnd-day', message: "Enter the fieldwork's last day as day, month and year, for example 31 10 2023" });
  if (!/^\d+$/.test(text('achievedSample'))) problems.push({ field: 'achievedSample', message: 'Enter the achieved sample as a whole number of completed questionnaires' });
  const weighted = text('weighted') === 'weighted';
  if (weighted && !text('effectiveBase')) problems.push({ field: 'effectiveBase', message: "Enter the weights' effective base" });
  const asked = set.questions.filter((q) => text(`position-${q.code}`) !== '');
  if (asked.length === 0) problems.push({ field: `position-${set.questions[0]?.code ?? ''}`, message: "Enter where at least one of the set's questions was asked" });
  for (const q of asked)
    if (!/^\d+$/.test(text(`position-${q.code}`))) problems.push({ field: `position-${q.code}`, message: `Enter the position of '${q.code}' as a whole number, 1 for the first question asked` });
  const positions = asked.map((q) => ({ q, position: Number(text(`position-${q.code}`)) })).sort((a, b) => a.position - b.position);
  const tracker = text('trackerName') ? { name: text('trackerName'), wave: /^\d+$/.test(text('trackerWave')) ? Number(text('trackerWave')) : text('trackerWave') } : null;
  return {
    body: {
      title: text('title'),
      method: text('method'),
      sampling: text('sampling'),
      fieldworkStart: dates.fieldworkStart ?? '',
      fieldworkEnd: dates.fieldworkEnd ?? '',
      achievedSample: Number(text('achievedSample')),
      weighting: weighted ? { kind: 'weighted', variables: listOf(text('weightingVariables')), effectiveBase: text('effectiveBase') } : { kind: 'none' },
      // The order among the set's questions is the order of their positions: what the questionnaire did.
      placements: positions.map(({ q, position }, i) => ({
        questionCode: q.code,
        setCode: set.code,
        setVersion: set.version,
        position,
        order: i + 1,
        wordingUsed: text(`wording-${q.code}`) || q.wording,
      })),
      tracker,
      ...(form.revision ? { revision: Number(form.revision) } : {}),
    },
    problems,
  };
}

function dateOf(form: Form, name: string): string | undefined {
  const [day, month, year] = ['day', 'month', 'year'].map((part) => (form[`${name}-${part}`] ?? '').trim());
  if (!/^\d{1,2}$/.test(day!) || !/^\d{1,2}$/.test(month!) || !/^\d{4}$/.test(year!)) return undefined;
  return `${year}-${month!.padStart(2, '0')}-${day!.padStart(2, '0')}`;
}

function listOf(text: string): string[] {
  return text
    .split(/[,;]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** A stored survey as the form's fields, to change it. */
export function formOf(survey: Survey, set: QuestionSet): Form {
  const form: Form = {
    title: survey.title,
    method: survey.method,
    sampling: survey.sampling,
    achievedSample: String(survey.achievedSample),
    weighted: survey.weighting.kind,
    weightingVariables: survey.weighting.kind === 'weighted' ? survey.weighting.variables.join(', ') : '',
    effectiveBase: survey.weighting.kind === 'weighted' ? String(survey.weighting.effectiveBase) : '',
    trackerName: survey.tracker?.name ?? '',
    trackerWave: survey.tracker ? String(survey.tracker.wave) : '',
    revision: String(survey.revision),
  };
  for (const name of DATES) {
    const [year, month, day] = survey[name].split('-');
    Object.assign(form, { [`${name}-day`]: String(Number(day)), [`${name}-month`]: String(Number(month)), [`${name}-year`]: year });
  }
  for (const p of survey.placements.filter((p) => p.setCode === set.code)) Object.assign(form, { [`position-${p.questionCode}`]: String(p.position), [`wording-${p.questionCode}`]: p.wordingUsed });
  return form;
}

/** The form's choices and each question's row, with the typed values kept. */
export function surveyFormView(form: Form, set: QuestionSet) {
  return {
    methods: SURVEY_METHODS.map((m) => ({ value: m, text: SURVEY_METHOD_LABELS[m], checked: form.method === m })),
    samplings: SAMPLINGS.map((s) => ({ value: s, text: SAMPLING_LABELS[s], checked: form.sampling === s })),
    questions: set.questions.map((q) => ({
      code: q.code,
      wording: q.wording,
      benchmarkable: q.benchmarkable,
      position: form[`position-${q.code}`],
      wordingUsed: form[`wording-${q.code}`] ?? q.wording,
    })),
  };
}

const LABELS: Readonly<Record<string, string>> = {
  title: 'Title',
  method: 'Method',
  sampling: 'Sampling',
  fieldworkStart: "Fieldwork's first day",
  fieldworkEnd: "Fieldwork's last day",
  achievedSample: 'Achieved sample',
  revision: 'Title',
};

/** A use-case's field as the form's box: 'placements[x].position' is the position box of question x. */
export function surveyField(field: string): string {
  const placed = /^placements\[([^\]]+)\]\.?(\w*)/.exec(field);
  if (placed) return `${placed[2] === 'wordingUsed' ? 'wording' : 'position'}-${placed[1]}`;
  if (field === 'placements') return 'placements';
  if (field.startsWith('weighting')) return field.endsWith('variables') ? 'weightingVariables' : 'effectiveBase';
  if (field.startsWith('tracker')) return field.endsWith('wave') ? 'trackerWave' : 'trackerName';
  if (field === 'fieldworkStart' || field === 'fieldworkEnd') return `${field}-day`;
  if (field === 'revision' || field === 'council') return 'title';
  return field;
}

/** A refusal as the form's problems: each linked to its box, the API's field name put in the form's words. */
export function formProblems(error: unknown, fieldOf: (field: string) => string): FieldProblem[] {
  if (!(error instanceof HttpError) || (error.status !== 400 && error.status !== 409 && error.status !== 403)) throw error;
  const listed = (error.details as { problems?: FieldProblem[] } | undefined)?.problems;
  const given = listed ?? [{ field: /^'([\w.[\]-]+)'/.exec(error.message)?.[1] ?? '', message: error.message }];
  return given.map((p) => ({
    field: fieldOf(p.field),
    message: capitalise(p.message.replace(/^'([\w.[\]-]+)'/, (_m, f: string) => LABELS[f] ?? f)),
  }));
}
