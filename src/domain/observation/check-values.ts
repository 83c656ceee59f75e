// The checks every observation's figures must pass before they are stored:
// numbers are plain and finite; counts are not negative; a proportion's
// numerator is not above its denominator; a confidence interval is the right
// way round and holds its value; only suppressed values may be missing.
import type { ValueKind } from '../metric/index.ts';
import { encodeFlags, isObservationFlag, OBSERVATION_FLAGS, SUPPRESSED, type ObservationFlag } from './flags.ts';
import { closestMatch } from '../suggest/index.ts';
import { plainNumberOf, readNumber } from './read-number.ts';

export const VALUE_COLUMNS = ['value', 'numerator', 'denominator', 'lower_ci', 'upper_ci'] as const;
export type ValueColumn = (typeof VALUE_COLUMNS)[number];

export type ObservationCells = Readonly<Record<ValueColumn | 'flags', string>>;

export interface ObservationValues {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  lowerCi: number | null;
  upperCi: number | null;
  flags: number;
}

export function emptyValues(): ObservationValues {
  return { value: null, numerator: null, denominator: null, lowerCi: null, upperCi: null, flags: 0 };
}

export interface CellProblem {
  readonly column: string;
  readonly value: string;
  readonly reason: string;
  readonly suggestion?: string;
}

const NEVER_NEGATIVE: ReadonlySet<ValueKind> = new Set(['count', 'proportion', 'rate']);

/**
 * Reads a row's figures into `into` and returns its problems, or undefined
 * when it has none. It runs once per row of files of millions of rows, so the
 * good path allocates nothing (the caller reuses `into`); the reasons are
 * worked out only for a row that fails.
 */
export function checkObservationValues(cells: ObservationCells, valueKind: ValueKind, into: ObservationValues): readonly CellProblem[] | undefined {
  const value = plainNumber(cells.value);
  const numerator = plainNumber(cells.numerator);
  const denominator = plainNumber(cells.denominator);
  const lowerCi = plainNumber(cells.lower_ci);
  const upperCi = plainNumber(cells.upper_ci);
  const flags = cells.flags === '' ? 0 : readFlags(cells.flags, undefined);
  if (value === undefined || numerator === undefined || denominator === undefined || lowerCi === undefined || upperCi === undefined || flags < 0) {
    return cellProblems(cells);
  }
  into.value = value;
  into.numerator = numerator;
  into.denominator = denominator;
  into.lowerCi = lowerCi;
  into.upperCi = upperCi;
  into.flags = flags;
  return consistencyProblems(into, cells, valueKind);
}

/** A plain number, null for an empty cell, undefined for anything else. */
function plainNumber(cell: string): number | null | undefined {
  if (cell === '') return null;
  const fast = plainNumberOf(cell);
  if (fast !== undefined) return fast;
  const read = readNumber(cell);
  return read.kind === 'number' ? read.value : read.kind === 'empty' ? null : undefined;
}

function cellProblems(cells: ObservationCells): CellProblem[] {
  const problems: CellProblem[] = [];
  for (const column of VALUE_COLUMNS) {
    const read = readNumber(cells[column]);
    if (read.kind === 'invalid') {
      problems.push({ column, value: cells[column], reason: read.reason, ...(read.suggestion ? { suggestion: read.suggestion } : {}) });
    }
  }
  readFlags(cells.flags, problems);
  return problems;
}

/** The flags as bits, or -1 when a word is not a flag (each told in `problems` when given). */
function readFlags(cell: string, problems: CellProblem[] | undefined): number {
  const words = cell
    .split(/[;|]/)
    .map((word) => word.trim().toLowerCase())
    .filter((word) => word !== '');
  const flags: ObservationFlag[] = [];
  let bad = false;
  for (const word of words) {
    if (isObservationFlag(word)) {
      flags.push(word);
      continue;
    }
    bad = true;
    const near = closestMatch(
      word,
      OBSERVATION_FLAGS.map((key) => ({ key })),
    );
    problems?.push({
      column: 'flags',
      value: cell,
      reason: `'${word}' is not a flag: use ${OBSERVATION_FLAGS.join(', ')}, separated by ;`,
      ...(near ? { suggestion: near.key } : {}),
    });
  }
  return bad ? -1 : encodeFlags(flags);
}

function consistencyProblems(values: ObservationValues, cells: ObservationCells, valueKind: ValueKind): CellProblem[] | undefined {
  const { value, numerator, denominator, lowerCi, upperCi } = values;
  if (
    (value !== null || (values.flags & SUPPRESSED) !== 0) &&
    (numerator === null || numerator >= 0) &&
    (denominator === null || denominator >= 0) &&
    (value === null || value >= 0 || !NEVER_NEGATIVE.has(valueKind)) &&
    lowerCi === null &&
    upperCi === null &&
    (valueKind !== 'proportion' || numerator === null || denominator === null || numerator <= denominator)
  )
    return undefined; // the common row, told apart without building anything
  const problems: CellProblem[] = [];
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
  return problems.length > 0 ? problems : undefined;
}
