// A verdict as CSV and spreadsheet cells: its words, its sentence and the
// rule that made it, under the same column names in a report's files and in
// the benchmarking API's CSV, so that a row says the same in each.
import type { Verdict } from '../domain/benchmark/index.ts';

export const VERDICT_COLUMNS = ['verdict', 'verdict_sentence', 'verdict_rule'] as const;

export type VerdictCells = Record<(typeof VERDICT_COLUMNS)[number], string | null>;

/** A report version frozen before verdicts carried their rule holds only the words. */
export function verdictCells(verdict: Verdict | { readonly words: string }): VerdictCells {
  if (!('rule' in verdict)) return { verdict: verdict.words, verdict_sentence: null, verdict_rule: null };
  return { verdict: verdict.words, verdict_sentence: verdict.sentence, verdict_rule: verdict.rule ? `${verdict.rule.id} v${verdict.rule.version}` : null };
}
