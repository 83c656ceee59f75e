// A survey's results as CSV: for each question a line of its percentage
// positive with the survey's comparability verdict, a line for the national
// poll, one for each comparator group's comparable councils (who was
// compared, and each council left out with its reason), a line per wave of
// the council's surveys, and the trend across them judged with its reason:
// every verdict the page shows, in the same words. Cells a spreadsheet would
// run as formulas are escaped.
import Papa from 'papaparse';

interface Figure {
  readonly percent: number;
  readonly lower: number;
  readonly upper: number;
  readonly base: number;
}

interface Words {
  readonly headline: string;
  readonly reason: string;
}

export interface SurveyCsvInput {
  readonly id: number;
  readonly council: string;
  readonly verdict: { readonly overall: string; readonly sentence: string } | null;
  readonly results: readonly {
    readonly questionCode: string;
    readonly wording: string;
    readonly figure: Figure | null;
    readonly nationalPoll: (Figure & { readonly significance: string; readonly sentence: string }) | null;
    readonly comparableCouncils:
      | readonly {
          readonly reference: string;
          readonly benchmark: number | null;
          readonly significance: string;
          readonly sentence: string;
          readonly councils: readonly { readonly code: string; readonly name: string }[];
          readonly leftOut: readonly { readonly code: string; readonly name: string; readonly reason: string }[];
        }[]
      | null;
    readonly trend: {
      readonly waves: readonly { readonly surveyId: number; readonly wave: number; readonly title: string; readonly period: string; readonly figure: Figure | null }[];
      readonly leftOut: readonly { readonly surveyId: number; readonly title: string; readonly reason: string }[];
      readonly direction: { readonly judgement: string };
      readonly recent: { readonly judgement: string };
      readonly words: { readonly direction: Words; readonly recent: Words };
    } | null;
  }[];
}

export const SURVEY_CSV_HEADER = [
  'survey',
  'council',
  'question',
  'line',
  'reference',
  'percent',
  'lower_95',
  'upper_95',
  'base',
  'verdict',
  'sentence',
  'reason',
  'councils_compared',
  'left_out',
] as const;

type Line = readonly (string | number)[];

export function surveyResultsCsv(survey: SurveyCsvInput): string {
  const data: Line[] = [];
  for (const q of survey.results) {
    const line = (what: string, reference: string, figure: Figure | null, verdict: string, sentence: string, reason = '', councils = '', leftOut = '') =>
      data.push([survey.id, survey.council, q.questionCode, what, reference, ...figureCells(figure), verdict, sentence, reason, councils, leftOut]);
    line('result', q.wording, q.figure, survey.verdict?.overall ?? 'not_judged', survey.verdict?.sentence ?? 'Not judged yet.');
    if (q.nationalPoll) line('national_poll', 'the national poll', q.nationalPoll, q.nationalPoll.significance, `${q.nationalPoll.sentence}.`);
    for (const c of q.comparableCouncils ?? []) {
      const councils = c.councils.map((m) => `${m.name} (${m.code})`).join('; ');
      const leftOut = c.leftOut.map((m) => `${m.name} (${m.code}): ${m.reason}`).join('; ');
      data.push([survey.id, survey.council, q.questionCode, 'comparable_councils', c.reference, c.benchmark ?? '', '', '', '', c.significance, c.sentence, '', councils, leftOut]);
    }
    if (!q.trend) continue;
    for (const w of q.trend.waves) line('wave', `${w.title} (${w.period}), wave ${w.wave}`, w.figure, '', '');
    const leftOut = q.trend.leftOut.map((l) => `${l.title} (survey ${l.surveyId}): ${l.reason}`).join('; ');
    line('trend_latest_wave', 'the wave before', null, q.trend.direction.judgement, q.trend.words.direction.headline, q.trend.words.direction.reason, '', leftOut);
    line('trend_five_waves', 'the last five waves', null, q.trend.recent.judgement, q.trend.words.recent.headline, q.trend.words.recent.reason, '', leftOut);
  }
  return Papa.unparse({ fields: [...SURVEY_CSV_HEADER], data: data as unknown[][] }, { escapeFormulae: true, newline: '\r\n' }) + '\r\n';
}

function figureCells(figure: Figure | null): Line {
  return figure ? [round(figure.percent), round(figure.lower), round(figure.upper), round(figure.base)] : ['', '', '', ''];
}

/** To one decimal, as the figures are worked out from counts (an effective base is rarely whole). */
function round(value: number): number {
  return Math.round(value * 10) / 10;
}
