/*
 * Pooling a tracker's waves (or the national poll's rounds) into one result for a
 * year, from counts, never by averaging percentages.
 *
 * Definition, for waves i of one question:
 *   counts    Σ countsᵢ per option, base Σ baseᵢ
 * and where any wave is weighted (an unweighted wave taken as weights of 1, so its
 * percentages are its counts' shares and its effective base its base), with each
 * wave's weights scaled to sum to its base, as survey weights are:
 *   percentage per option  Σ(percentageᵢ × baseᵢ) ÷ Σ baseᵢ
 *   effective base         (Σ baseᵢ)² ÷ Σ(baseᵢ² ÷ effective baseᵢ)
 * which is Kish's (Σw)² ÷ Σw² over all the waves' weights together, since a wave's
 * Σw² is baseᵢ² ÷ effective baseᵢ.
 *
 * Why never the average of percentages: a wave of 100 at 60% and a wave of 1,000 at
 * 30% are 360 of 1,100, 32.7%, not 45%; the average gives the small wave ten times
 * the say of each of the large wave's respondents. LG Inform's upload rules ask for
 * a tracker's year "by combining the raw data rather than calculating an average of
 * averages".
 *
 * poolWaves checks the waves belong together first: one council, one tracker, one
 * method (different methods are not compared, so not pooled either), each wave
 * once, one question. poolResults pools whatever it is given and throws for results
 * of different questions, a programmer error.
 */
import { SURVEY_METHOD_PHRASES, type FieldProblem, type SurveyRecord, type SurveyResult, type WeightedResult } from './types.ts';

export interface Wave {
  readonly record: SurveyRecord;
  readonly result: SurveyResult;
}

export type PooledWaves = { readonly kind: 'pooled'; readonly result: SurveyResult; readonly waves: readonly number[] } | { readonly kind: 'refused'; readonly problems: readonly FieldProblem[] };

export function poolWaves(waves: readonly Wave[]): PooledWaves {
  const problems = problemsPooling(waves);
  if (problems.length > 0) return Object.freeze({ kind: 'refused', problems: Object.freeze(problems) });
  const numbers = waves.map((wave) => wave.record.tracker!.wave).sort((a, b) => a - b);
  return Object.freeze({ kind: 'pooled', result: poolResults(waves.map((wave) => wave.result)), waves: Object.freeze(numbers) });
}

export function poolResults(results: readonly SurveyResult[]): SurveyResult {
  const first = results[0];
  if (first === undefined) throw new RangeError('poolResults needs at least one result');
  if (results.some((result) => result.questionCode !== first.questionCode))
    throw new RangeError(`results of different questions cannot be pooled: ${[...new Set(results.map((result) => result.questionCode))].join(', ')}`);
  const counts: Record<string, number> = {};
  for (const result of results) for (const [code, count] of Object.entries(result.counts)) counts[code] = (counts[code] ?? 0) + count;
  const base = results.reduce((total, result) => total + result.base, 0);
  const weighted = results.some((result) => result.weighted !== null) ? poolWeighted(results, base) : null;
  return Object.freeze({ questionCode: first.questionCode, counts: Object.freeze(counts), base, weighted });
}

function poolWeighted(results: readonly SurveyResult[], base: number): WeightedResult {
  const percentages: Record<string, number> = {};
  let sumOfSquares = 0;
  for (const result of results) {
    const wave = result.weighted ?? asWeighted(result);
    for (const [code, percentage] of Object.entries(wave.percentages)) percentages[code] = (percentages[code] ?? 0) + (percentage * result.base) / base;
    sumOfSquares += (result.base * result.base) / wave.effectiveBase;
  }
  return Object.freeze({ percentages: Object.freeze(percentages), effectiveBase: (base * base) / sumOfSquares });
}

/** An unweighted wave as a weighted one with every weight 1. */
function asWeighted(result: SurveyResult): WeightedResult {
  const percentages = Object.fromEntries(Object.entries(result.counts).map(([code, count]) => [code, (count / result.base) * 100]));
  return { percentages, effectiveBase: result.base };
}

function problemsPooling(waves: readonly Wave[]): FieldProblem[] {
  const first = waves[0];
  if (first === undefined) return [{ field: 'waves', message: 'There are no waves to pool' }];
  const problems: FieldProblem[] = [];
  const seen = new Set<number>();
  for (const [index, { record, result }] of waves.entries()) {
    const at = `waves[${index}]`;
    if (record.tracker === null) {
      problems.push({ field: `${at}.tracker`, message: `Wave ${index + 1} is a one-off survey, not a wave of a tracker` });
      continue;
    }
    if (record.council !== first.record.council) problems.push({ field: `${at}.council`, message: `Wave ${record.tracker.wave} is ${record.council}'s, not ${first.record.council}'s` });
    if (record.tracker.name !== first.record.tracker?.name)
      problems.push({ field: `${at}.tracker.name`, message: `Wave ${record.tracker.wave} is of the tracker '${record.tracker.name}', not '${first.record.tracker?.name ?? ''}'` });
    if (record.method !== first.record.method)
      problems.push({
        field: `${at}.method`,
        message: `Wave ${record.tracker.wave} was ${SURVEY_METHOD_PHRASES[record.method]}, not ${SURVEY_METHOD_PHRASES[first.record.method]}: waves by different methods are not pooled`,
      });
    if (result.questionCode !== first.result.questionCode)
      problems.push({ field: `${at}.questionCode`, message: `Wave ${record.tracker.wave} answers '${result.questionCode}', not '${first.result.questionCode}'` });
    if (seen.has(record.tracker.wave)) problems.push({ field: `${at}.tracker.wave`, message: `Wave ${record.tracker.wave} is given twice` });
    seen.add(record.tracker.wave);
  }
  return problems;
}
