// A survey's results as a form without script: a row per answer option of
// each question the questionnaire placed (its count and, where the survey was
// weighted, its weighted percentage), each question's base and effective
// base. A question left wholly blank is not entered; the domain's checks
// judge the rest, and each of their fields is mapped back to its box.
import { questionOf, type QuestionSet } from '../../../domain/surveys/index.ts';
import type { StoredResult, Survey } from '../../../store/surveys.ts';
import type { FieldProblem } from '../../platform/http/checked-input.ts';
import type { Form } from './survey-form.ts';

/** The questions a survey placed, with their set's options, in the questionnaire's order. */
export function placedQuestions(survey: Survey, sets: readonly QuestionSet[]) {
  return [...survey.placements]
    .sort((a, b) => a.position - b.position)
    .flatMap((p) => {
      const set = sets.find((s) => s.code === p.setCode && s.version === p.setVersion);
      const question = set && questionOf(set, p.questionCode);
      return question ? [{ ...question, position: p.position }] : [];
    });
}

/** The form's boxes as enterResults' body; a question with no box filled is left out, and a form with none is a problem. */
export function resultsFromForm(form: Form, survey: Survey, sets: readonly QuestionSet[]): { body: Record<string, unknown>; problems: FieldProblem[] } {
  const text = (name: string) => form[name]?.trim() ?? '';
  const weighted = survey.weighting.kind === 'weighted';
  const problems: FieldProblem[] = [];
  const results = [];
  for (const q of placedQuestions(survey, sets)) {
    const boxes = [...q.answerOptions.flatMap((o) => [`count-${q.code}-${o.code}`, `pct-${q.code}-${o.code}`]), `base-${q.code}`, `effbase-${q.code}`];
    if (boxes.every((name) => text(name) === '')) continue;
    const counts: Record<string, number> = {};
    for (const o of q.answerOptions) {
      const given = text(`count-${q.code}-${o.code}`);
      if (given === '') continue; // the domain's check names the option left without a count
      if (!/^\d+$/.test(given)) problems.push({ field: `count-${q.code}-${o.code}`, message: `Question '${q.code}': enter the count of "${o.label}" as a whole number, 0 or more` });
      else counts[o.code] = Number(given);
    }
    const base = text(`base-${q.code}`) === '' ? Object.values(counts).reduce((sum, n) => sum + n, 0) : Number(text(`base-${q.code}`));
    if (!Number.isInteger(base) || base < 0) problems.push({ field: `base-${q.code}`, message: `Question '${q.code}': enter the base as a whole number of respondents` });
    const percentages = Object.fromEntries(q.answerOptions.filter((o) => text(`pct-${q.code}-${o.code}`) !== '').map((o) => [o.code, Number(text(`pct-${q.code}-${o.code}`))]));
    const effective = text(`effbase-${q.code}`);
    results.push({ questionCode: q.code, counts, base, weighted: weighted ? { percentages, effectiveBase: effective === '' ? 0 : Number(effective) } : null });
  }
  if (results.length === 0 && problems.length === 0) problems.push({ field: firstBox(survey, sets), message: "Enter the counts of at least one question's answers" });
  return { body: { results, confirmed: form.confirmed === 'yes' }, problems };
}

function firstBox(survey: Survey, sets: readonly QuestionSet[]): string {
  const [first] = placedQuestions(survey, sets);
  return first ? `count-${first.code}-${first.answerOptions[0]?.code ?? ''}` : 'results-file';
}

/** The current results as the form's boxes, to enter them again. */
export function formOfResults(results: readonly StoredResult[], confirmed: boolean): Form {
  const form: Form = { confirmed: confirmed ? 'yes' : undefined };
  for (const r of results) {
    for (const [option, count] of Object.entries(r.counts)) form[`count-${r.questionCode}-${option}`] = String(count);
    form[`base-${r.questionCode}`] = String(r.base);
    if (r.weighted) {
      for (const [option, pct] of Object.entries(r.weighted.percentages)) form[`pct-${r.questionCode}-${option}`] = String(pct);
      form[`effbase-${r.questionCode}`] = String(r.weighted.effectiveBase);
    }
  }
  return form;
}

/** A domain field as the form's box: 'results[q].counts.o' is the count box of option o of question q. */
export function resultField(field: string, survey: Survey, sets: readonly QuestionSet[]): string {
  const match = /^results\[([^\]]+)\]\.?(.*)$/.exec(field);
  if (!match) return field === 'file' ? 'results-file' : firstBox(survey, sets);
  const [, q, rest] = match as unknown as [string, string, string];
  const option = (prefix: string) => rest.slice(prefix.length + 1) || placedQuestions(survey, sets).find((p) => p.code === q)?.answerOptions[0]?.code || '';
  if (rest.startsWith('counts')) return `count-${q}-${option('counts')}`;
  if (rest.startsWith('weighted.percentages')) return `pct-${q}-${option('weighted.percentages')}`;
  if (rest.startsWith('weighted')) return rest.endsWith('effectiveBase') ? `effbase-${q}` : `pct-${q}-${option('weighted.percentages')}`;
  return `base-${q}`;
}
