// A good-practice case study (issue 21, build item 10: "a single window to
// improvement", Improvement Board paper 004): what a council did and what it
// changed, told in a title, a summary and a body; the councils it is about;
// its themes; the metrics it improved, each over the periods it names; and
// where it came from (a peer challenge, an award, the efficiency casebook of
// paper 002, or the council's own account). `checkCaseStudy` says, field by
// field, what a case study must hold before it is kept; a draft is kept
// whole or not at all.
import { parsePeriod, type Period } from '../period/index.ts';
import { problem, type Problem } from '../peer-challenge/problem.ts';

export const CASE_STUDY_SOURCES = ['peer_challenge', 'award', 'efficiency_casebook', 'council'] as const;
export type CaseStudySource = (typeof CASE_STUDY_SOURCES)[number];

export const CASE_STUDY_SOURCE_LABELS: Readonly<Record<CaseStudySource, string>> = {
  peer_challenge: 'Peer challenge',
  award: 'Award winners',
  efficiency_casebook: 'Efficiency casebook',
  council: "The council's own account",
};

/** A metric a case study improved, from one period to another of the metric's kind. */
export interface ImprovedMetric {
  readonly metric: string;
  readonly from: string;
  readonly to: string;
}

/** What the writer gives: the words, whom it is about, and what it improved. */
export interface CaseStudyDraft {
  readonly title: string;
  readonly summary: string;
  readonly body: string;
  /** Councils' area codes (GSS), at least one. */
  readonly councils: readonly string[];
  readonly themes: readonly string[];
  readonly metrics: readonly ImprovedMetric[];
  readonly source: CaseStudySource;
  /** Where it is told (a paper and its paragraph, an award's year): needed for every source but the council's own account. */
  readonly sourceNote: string | null;
  /** Invented to show how the library works, and marked so wherever it is shown. */
  readonly illustrative: boolean;
}

/** An improved metric with its periods read: the span it covers, first day to last. */
export interface ReadMetric extends ImprovedMetric {
  readonly fromPeriod: Period;
  readonly toPeriod: Period;
}

export const LIMITS = { title: 200, summary: 600, body: 20_000, councils: 50, themes: 10, metrics: 20, sourceNote: 500 } as const;

const GSS = /^E\d{8}$/;
const THEME = /^[a-z][a-z0-9-]{0,39}$/;
const METRIC = /^[a-z0-9][a-z0-9-]*$/;

export type CheckedCaseStudy = { readonly kind: 'ok'; readonly metrics: readonly ReadMetric[] } | { readonly kind: 'invalid'; readonly problems: readonly Problem[] };

/**
 * Every problem of a draft, each naming its field as the form and the API
 * name it (`metrics[1].to`); `knownMetric` and `knownCouncil` say what the
 * hub holds. A period must be one the metric's kind could hold, and an
 * improvement runs forwards: its first period ends before its last begins.
 */
export function checkCaseStudy(draft: CaseStudyDraft, known: { metric(code: string): boolean; council(code: string): boolean }): CheckedCaseStudy {
  const problems: Problem[] = [];
  words(problems, 'title', draft.title, LIMITS.title);
  words(problems, 'summary', draft.summary, LIMITS.summary);
  words(problems, 'body', draft.body, LIMITS.body);
  if (draft.councils.length === 0) problems.push(problem('councils', 'name at least one council the case study is about'));
  if (draft.councils.length > LIMITS.councils) problems.push(problem('councils', `name at most ${LIMITS.councils} councils`));
  const unknown = draft.councils.filter((code) => !GSS.test(code) || !known.council(code));
  if (unknown.length > 0) problems.push(problem('councils', `Lantern holds no council with the code ${unknown.map((c) => `'${c}'`).join(', ')}`));
  if (new Set(draft.councils).size !== draft.councils.length) problems.push(problem('councils', 'name each council once'));
  if (draft.themes.length > LIMITS.themes) problems.push(problem('themes', `give at most ${LIMITS.themes} themes`));
  const badThemes = draft.themes.filter((t) => !THEME.test(t));
  if (badThemes.length > 0) problems.push(problem('themes', `a theme is a short word of lower-case letters, digits and hyphens, not ${badThemes.map((t) => `'${t}'`).join(', ')}`));
  if (draft.metrics.length > LIMITS.metrics) problems.push(problem('metrics', `give at most ${LIMITS.metrics} metrics`));
  const metrics: ReadMetric[] = [];
  draft.metrics.forEach((m, i) => {
    const read = checkMetric(m, `metrics[${i}]`, known.metric, problems);
    if (read) metrics.push(read);
  });
  if (!(CASE_STUDY_SOURCES as readonly string[]).includes(draft.source)) problems.push(problem('source', `must be one of ${CASE_STUDY_SOURCES.join(', ')}`));
  else if (draft.source !== 'council' && (draft.sourceNote ?? '').trim() === '')
    problems.push(problem('sourceNote', `say where the ${CASE_STUDY_SOURCE_LABELS[draft.source].toLowerCase()} tells it (a paper and its paragraph, an award and its year)`));
  if (draft.sourceNote !== null && draft.sourceNote.length > LIMITS.sourceNote) problems.push(problem('sourceNote', `must be at most ${LIMITS.sourceNote} characters`));
  return problems.length === 0 ? { kind: 'ok', metrics } : { kind: 'invalid', problems };
}

function words(problems: Problem[], field: string, text: string, limit: number): void {
  if (text.trim() === '') problems.push(problem(field, 'must not be empty'));
  else if (text.length > limit) problems.push(problem(field, `must be at most ${limit} characters (it is ${text.length})`));
}

function checkMetric(m: ImprovedMetric, at: string, knownMetric: (code: string) => boolean, problems: Problem[]): ReadMetric | undefined {
  const before = problems.length;
  if (!METRIC.test(m.metric) || !knownMetric(m.metric)) problems.push(problem(`${at}.metric`, `Lantern holds no metric with the code '${m.metric}'`));
  const from = parsePeriod(m.from);
  const to = parsePeriod(m.to);
  if (from.kind !== 'ok') problems.push(problem(`${at}.from`, `'${m.from}' is not a period: ${from.reason}`));
  if (to.kind !== 'ok') problems.push(problem(`${at}.to`, `'${m.to}' is not a period: ${to.reason}`));
  if (from.kind === 'ok' && to.kind === 'ok') {
    if (from.period.kind !== to.period.kind) problems.push(problem(`${at}.to`, `must be a period of the same kind as ${from.period.label}`));
    else if (!(from.period.end < to.period.start)) problems.push(problem(`${at}.to`, `an improvement runs forwards: ${to.period.label} must come after ${from.period.label}`));
  }
  if (problems.length > before || from.kind !== 'ok' || to.kind !== 'ok') return undefined;
  return { ...m, fromPeriod: from.period, toPeriod: to.period };
}
