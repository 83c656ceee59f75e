// A council's survey and its results as the API takes them, for the surveys
// feature's tests: a telephone survey of a random sample, weighted by age
// and sex, asking the LGA's first two questions first, in the set's order.
import type { Sql } from '../../../src/store/store.ts';
import { importText, seedCatalogue } from '../../support/import.ts';

export const DURHAM = 'E06000047';
export const HARTLEPOOL = 'E06000001';
export const ENGLAND = 'E92000001';
export const LGA = 'lga-resident-satisfaction';

const AREA = { 'satisfied-with-local-area': 'Overall, how satisfied or dissatisfied are you with your local area as a place to live?' };
const COUNCIL = { 'satisfied-with-council': 'Overall, how satisfied or dissatisfied are you with the way [name of council] runs things?' };

/** The seed catalogue and England, whose surveys are the national poll's waves. */
export async function seedSurveyAreas(sql: Sql): Promise<void> {
  await seedCatalogue(sql);
  const england = await importText(sql, 'england.csv', 'code,name,type\nE92000001,England,england');
  if (england.status !== 'loaded') throw new Error(`england rejected: ${JSON.stringify(england.rejections)}`);
}

export const SURVEY = {
  council: DURHAM,
  title: 'Residents survey 2023',
  method: 'telephone',
  sampling: 'random_probability',
  fieldworkStart: '2023-09-01',
  fieldworkEnd: '2023-10-31',
  achievedSample: 1100,
  weighting: { kind: 'weighted', variables: ['age', 'sex'], effectiveBase: 900 },
  placements: [
    { questionCode: 'satisfied-with-local-area', setCode: LGA, setVersion: 1, position: 1, order: 1, wordingUsed: AREA['satisfied-with-local-area'] },
    { questionCode: 'satisfied-with-council', setCode: LGA, setVersion: 1, position: 2, order: 2, wordingUsed: COUNCIL['satisfied-with-council'] },
  ],
  tracker: null,
};

const SCALE = ['very_satisfied', 'fairly_satisfied', 'neither', 'fairly_dissatisfied', 'very_dissatisfied', 'dont_know'] as const;

/** A question's results from counts in the scale's order; weighted percentages as the counts' shares unless given. */
export function result(questionCode: string, counts: readonly number[], effectiveBase: number | null = 900, percentages?: readonly number[]) {
  const base = counts.reduce((sum, n) => sum + n, 0);
  const byOption = Object.fromEntries(SCALE.map((code, i) => [code, counts[i] ?? 0]));
  const weighted =
    effectiveBase === null ? null : { percentages: Object.fromEntries(SCALE.map((code, i) => [code, percentages?.[i] ?? Math.round(((counts[i] ?? 0) / base) * 1000) / 10])), effectiveBase };
  return { questionCode, counts: byOption, base, weighted };
}

export const RESULTS = {
  results: [result('satisfied-with-local-area', [330, 440, 110, 110, 55, 55]), result('satisfied-with-council', [220, 385, 165, 165, 110, 55])],
  confirmed: false,
};
