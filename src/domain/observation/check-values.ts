// The checks every observation's figures must pass before they are stored:
// numbers are plain and finite; counts are not negative; a proportion's
// numerator is not above its denominator; a confidence interval is the right
// way round and holds its value; only suppressed values may be missing.
import type { ValueKind } from '../metric/index.ts';
import { encodeFlags, isObservationFlag, OBSERVATION_FLAGS, SUPPRESSED, type ObservationFlag } from './flags.ts';
import { readNumber } from './read-number.ts';

export const VALUE_COLUMNS = ['value', 'numerator', 'denominator', 'lower_ci', 'upper_ci'] as const;
export type ValueColumn = (typeof VALUE_COLUMNS)[number];

export type ObservationCells = Readonly<Record<ValueColumn | 'flags', string>>;

export interface ObservationValues {
  readonly value: number | null;
  readonly numerator: number | null;
  readonly denominator: number | null;
  readonly lowerCi: number | null;
  readonly upperCi: number | null;
  readonly flags: number;
}

export interface CellProblem {
  readonly column: string;
  readonly value: string;
  readonly reason: string;
  readonly suggestion?: string;
}

export type ValuesCheck =
  | { readonly kind: 'ok'; readonly values: ObservationValues }
  | { readonly kind: 'invalid'; readonly problems: readonly CellProblem[] };

const NEVER_NEGATIVE: ReadonlySet<ValueKind> = new Set(['count', 'proportion', 'rate']);

export function checkObservationValues(cells: ObservationCells, valueKind: ValueKind): ValuesCheck {
  const problems: CellProblem[] = [];
  const numbers = new Map<ValueColumn, number | null>();
  for (const column of VALUE_COLUMNS) {
    const read = readNumber(cells[column]);
    if (read.kind === 'invalid') {
      problems.push({ column, value: cells[column], reason: read.reason, ...(read.suggestion ? { suggestion: read.suggestion } : {}) });
    }
    numbers.set(column, read.kind === 'number' ? read.value : null);
  }
  const flags = readFlags(cells.flags, problems);
  if (problems.length > 0) return { kind: 'invalid', problems };

  const values: ObservationValues = {
    value: numbers.get('value') ?? null,
    numerator: numbers.get('numerator') ?? null,
    denominator: numbers.get('denominator') ?? null,
    lowerCi: numbers.get('lower_ci') ?? null,
    upperCi: numbers.get('upper_ci') ?? null,
    flags,
  };
  problems.push(...consistencyProblems(values, cells, valueKind));
  return problems.length > 0 ? { kind: 'invalid', problems } : { kind: 'ok', values };
}

function readFlags(cell: string, problems: CellProblem[]): number {
  const words = cell.split(/[;|]/).map((word) => word.trim().toLowerCase()).filter((word) => word !== '');
  const flags: ObservationFlag[] = [];
  for (const word of words) {
    if (isObservationFlag(word)) flags.push(word);
    else problems.push({ column: 'flags', value: cell, reason: `'${word}' is not a flag: use ${OBSERVATION_FLAGS.join(', ')}, separated by ;` });
  }
  return encodeFlags(flags);
}

function consistencyProblems(values: ObservationValues, cells: ObservationCells, valueKind: ValueKind): CellProblem[] {
  const problems: CellProblem[] = [];
  const { value, numerator, denominator, lowerCi, upperCi } = values;
  if (value === null && (values.flags & SUPPRESSED) === 0) {
    problems.push({ column: 'value', value: '', reason: 'the value is missing; a value may be left empty only when the row is flagged suppressed', suggestion: 'suppressed' });
  }
  if (numerator !== null && numerator < 0) problems.push({ column: 'numerator', value: cells.numerator, reason: 'a numerator counts something and cannot be negative' });
  if (denominator !== null && denominator < 0) problems.push({ column: 'denominator', value: cells.denominator, reason: 'a denominator counts something and cannot be negative' });
  if (value !== null && value < 0 && NEVER_NEGATIVE.has(valueKind)) {
    problems.push({ column: 'value', value: cells.value, reason: `a ${valueKind} cannot be negative` });
  }
  if (valueKind === 'proportion' && numerator !== null && denominator !== null && numerator > denominator) {
    problems.push({ column: 'numerator', value: cells.numerator, reason: `the numerator (${numerator}) is greater than the denominator (${denominator})` });
  }
  if (lowerCi !== null && upperCi !== null && lowerCi > upperCi) {
    problems.push({ column: 'lower_ci', value: cells.lower_ci, reason: `the lower confidence limit (${lowerCi}) is above the upper one (${upperCi})` });
  } else if (value !== null && ((lowerCi !== null && value < lowerCi) || (upperCi !== null && value > upperCi))) {
    problems.push({ column: 'value', value: cells.value, reason: `the value (${value}) lies outside its confidence interval (${lowerCi ?? '…'} to ${upperCi ?? '…'})` });
  }
  return problems;
}
