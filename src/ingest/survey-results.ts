// A survey's results as a file: CSV or a spreadsheet (XLSX, ODS), read by
// the import path's readers, one line per answer option of a question:
//
//   question,option,count[,weighted_percentage][,base][,effective_base]
//   satisfied-with-council,very_satisfied,210,19.5,1000,812
//
// The base is the question's respondents ("don't know" included; the sum of
// its counts when not given), and the effective base that of its weighted
// percentages; each is given on any line of the question, the same on every
// line that gives it. Every problem names the file, its line and its column;
// whether the results may be kept is the domain's checks', after.
import type { Readable } from 'node:stream';
import type { Rejection } from '../domain/batch/index.ts';
import type { SurveyResult } from '../domain/surveys/index.ts';
import { isBlank } from './csv-reader.ts';
import { readTableFile } from './table-file.ts';

export const RESULT_COLUMNS = ['question', 'option', 'count', 'weighted_percentage', 'base', 'effective_base'] as const;
type Column = (typeof RESULT_COLUMNS)[number];
const REQUIRED: readonly Column[] = ['question', 'option', 'count'];
/** A questionnaire has tens of questions of a few options each; a file past this is not a survey's results. */
export const MAX_RESULT_LINES = 10_000;
const CODE = /^[a-z0-9][a-z0-9_-]{0,99}$/;

export type ResultsReading =
  | { readonly kind: 'read'; readonly results: SurveyResult[]; /** the first line of each question, for problems found after */ readonly lines: ReadonlyMap<string, number> }
  | { readonly kind: 'refused'; readonly problems: Rejection[] };

interface Gathered {
  readonly line: number;
  readonly counts: Record<string, number>;
  readonly percentages: Record<string, number>;
  base?: number;
  effectiveBase?: number;
}

/** Reads the file's results, or every problem in it (at most 100). A header's names are read in any case, with spaces for underscores. */
export async function readSurveyResults(fileName: string, input: Readable): Promise<ResultsReading> {
  const csv = await readTableFile(fileName, input, undefined, { areaColumn: 'question' });
  const header = csv.header.map((name) => name.trim().toLowerCase().replace(/\s+/g, '_'));
  const problems: Rejection[] = [];
  const unknown = header.find((name) => name !== '' && !(RESULT_COLUMNS as readonly string[]).includes(name));
  if (unknown !== undefined) problems.push({ line: csv.headerLine, column: unknown, reason: `is not a column of a results file (${RESULT_COLUMNS.join(', ')})` });
  for (const name of REQUIRED) if (!header.includes(name)) problems.push({ line: csv.headerLine, column: name, reason: 'is missing: a results file has question, option and count' });
  if (problems.length > 0) return { kind: 'refused', problems };
  const questions = new Map<string, Gathered>();
  let read = 0;
  reading: for await (const chunk of csv.chunks) {
    for (const [i, record] of chunk.records.entries()) {
      if (isBlank(record)) continue;
      const line = chunk.firstLine + i;
      if (++read > MAX_RESULT_LINES || problems.length >= 100) {
        if (read > MAX_RESULT_LINES) problems.push({ line, reason: `the file holds more than ${MAX_RESULT_LINES.toLocaleString('en-GB')} lines: a survey's results are far fewer` });
        break reading;
      }
      const cells = Object.fromEntries(header.map((name, c) => [name, (record[c] ?? '').trim()])) as Partial<Record<Column, string>>;
      readLine(line, cells, questions, problems);
    }
  }
  if (problems.length === 0 && questions.size === 0) problems.push({ line: csv.headerLine, reason: 'the file holds no results' });
  for (const [code, q] of questions)
    if (Object.keys(q.percentages).length > 0 && q.effectiveBase === undefined)
      problems.push({ line: q.line, column: 'effective_base', reason: `is missing for '${code}': weighted percentages are as precise as their effective base` });
  if (problems.length > 0) return { kind: 'refused', problems };
  return { kind: 'read', results: [...questions].map(([code, q]) => resultOf(code, q)), lines: new Map([...questions].map(([code, q]) => [code, q.line])) };
}

function readLine(line: number, cells: Partial<Record<Column, string>>, questions: Map<string, Gathered>, problems: Rejection[]): void {
  const problem = (column: Column, reason: string) => problems.push({ line, column, value: cells[column] ?? '', reason });
  const question = cells.question ?? '';
  const option = cells.option ?? '';
  if (!CODE.test(question)) return void problem('question', question ? `'${question}' is not a question code (lower-case letters, digits, hyphens)` : 'is empty: name the question by its code');
  if (!CODE.test(option)) return void problem('option', option ? `'${option}' is not an answer option code` : `is empty: name the answer option of '${question}' by its code`);
  const gathered = questions.get(question) ?? { line, counts: {}, percentages: {} };
  questions.set(question, gathered);
  if (option in gathered.counts) return void problem('option', `'${option}' of '${question}' is given twice`);
  const count = wholeNumber(cells.count);
  if (count === undefined) return void problem('count', `'${cells.count ?? ''}' is not a count: give a whole number of respondents, 0 or more`);
  gathered.counts[option] = count;
  if (cells.weighted_percentage) {
    const percent = Number(cells.weighted_percentage.replace(/%$/, ''));
    if (!Number.isFinite(percent) || percent < 0 || percent > 100) return void problem('weighted_percentage', `'${cells.weighted_percentage}' is not a percentage from 0 to 100`);
    gathered.percentages[option] = percent;
  }
  for (const [column, key] of [
    ['base', 'base'],
    ['effective_base', 'effectiveBase'],
  ] as const) {
    const text = cells[column];
    if (!text) continue;
    const value = column === 'base' ? wholeNumber(text) : Number(text);
    if (value === undefined || !Number.isFinite(value) || value < 0) return void problem(column, `'${text}' is not a ${column === 'base' ? 'whole number' : 'number'} of respondents`);
    if (gathered[key] !== undefined && gathered[key] !== value) return void problem(column, `${value} differs from ${gathered[key]} given for '${question}' on an earlier line`);
    gathered[key] = value;
  }
}

function wholeNumber(text: string | undefined): number | undefined {
  return text !== undefined && /^\d{1,9}$/.test(text) ? Number(text) : undefined;
}

function resultOf(questionCode: string, q: Gathered): SurveyResult {
  const base = q.base ?? Object.values(q.counts).reduce((sum, n) => sum + n, 0);
  const weighted = q.effectiveBase === undefined ? null : { percentages: q.percentages, effectiveBase: q.effectiveBase };
  return { questionCode, counts: q.counts, base, weighted };
}
