/*
 * Nearest neighbours ("statistical neighbours"): the areas most like a target
 * area on chosen contextual variables, nearest first, each with its distance
 * and what the distance is made of.
 *
 * Source: the idea and its shape are CIPFA's nearest neighbours model, which
 * councils use to choose comparators: standardise each contextual variable,
 * weight it, and rank areas by weighted Euclidean distance from the target.
 * CIPFA's variables, weights and data are its own; this function takes them
 * as inputs, so any set can be used and shown.
 *
 * Method, step by step, with the reason for each choice:
 *
 * 1. Transform. A variable may be logged (natural log) before anything else.
 *    Population-like variables are skewed: a handful of very large areas
 *    would otherwise set the scale and squeeze everyone else together, and a
 *    difference between 100,000 and 200,000 people matters about as much as
 *    one between 500,000 and 1,000,000. Under 'log' a value must be above 0;
 *    zero or less is bad data for a variable declared population-like, and
 *    throws a RangeError naming the area and variable.
 *
 * 2. Standardise. Each (transformed) variable becomes a z-score,
 *    (x − mean) / sd, over every candidate that has a value for it, the target
 *    included, so that variables in different units weigh what their weights
 *    say. The SD is the population SD (divide by n, not n − 1): the candidates
 *    are the whole set being compared, not a sample from a larger one, and the
 *    population SD is defined even for two areas. Means and SDs are summed over
 *    the values in ascending order, so the result does not depend on the order
 *    of the candidates, to the last bit. A variable on which every candidate
 *    has the same value (SD 0; found by comparing values, not by the SD's
 *    rounding) separates no one: every difference on it is 0.
 *
 * 3. Distance. For target t and candidate c, with d_i = z_ci − z_ti (computed
 *    as (x_ci − x_ti) / sd_i, the same number without the mean's rounding),
 *      distance = √(Σ w_i d_i²) / √(Σ w_i),
 *    computed as √(Σ w_i d_i² / Σ w_i), the same number, so that scaling every
 *    weight by a power of two changes nothing to the last bit. Dividing by the
 *    weights makes the distance a weighted root-mean-square difference in SDs,
 *    comparable across variable sets and unchanged when every weight is
 *    multiplied by the same factor. Σ w_i runs over every chosen variable, a
 *    constant one too: it is a variable on which the two areas agree.
 *    Weights must be finite and above 0 (a variable to ignore is left out).
 *
 * 4. Contributions. For each variable, share = w_i d_i² / Σ w_j d_j², the part
 *    of the squared distance it makes (the shares sum to 1), and difference =
 *    d_i, signed, neighbour minus target, in SDs. When the distance is 0 there
 *    is nothing to share: every share is 0 (and every difference is 0).
 *
 * 5. Who is compared. The target itself is never its own neighbour. A
 *    candidate without a value for any variable is left out of the ranking
 *    (its other values still count towards the means and SDs, step 2): a
 *    distance over fewer variables would not be comparable with the rest. A
 *    target without a value for any variable cannot be placed:
 *    not_computed 'target_has_missing_values'.
 *
 * 6. Order. Nearest first; equal distances by code (compared as strings, not
 *    by locale), so the order is always the same; the first `count`. Equal
 *    means equal as computed: two distances equal in exact arithmetic but
 *    apart in the last bit (through logs, say) go by that bit. When
 *    fewer than `count` candidates can be ranked the result is not_computed
 *    'too_few_candidates' rather than a shorter list that a comparator group
 *    would silently be built from.
 *
 * Programmer errors throw: a value that is NaN or Infinity (absence is null),
 * values not one per variable, duplicate codes or variable ids, a weight that
 * is not finite and above 0, a count that is not a whole number of at least 1.
 */

export interface NeighbourVariable {
  readonly id: string;
  readonly label: string;
  readonly weight: number;
  readonly transform: 'none' | 'log';
}

/** An area that may be a neighbour; values in the order of the variables, null where missing. */
export interface Candidate {
  readonly code: string;
  readonly values: readonly (number | null)[];
}

export interface NeighbourContribution {
  readonly variable: string;
  /** The part of the squared distance this variable makes, 0 to 1. */
  readonly share: number;
  /** Neighbour minus target, in standard deviations of the (transformed) variable. */
  readonly difference: number;
}

export interface Neighbour {
  readonly code: string;
  readonly distance: number;
  readonly contributions: readonly NeighbourContribution[];
}

/** The mean and population SD of a variable, after its transform, over the candidates with a value. */
export interface VariableScale {
  readonly id: string;
  readonly mean: number;
  readonly sd: number;
}

export type NeighboursNotComputedReason = 'unknown_area' | 'target_has_missing_values' | 'no_variables' | 'too_few_candidates';

export type Neighbours =
  { readonly kind: 'ok'; readonly neighbours: readonly Neighbour[]; readonly variables: readonly VariableScale[] } | { readonly kind: 'not_computed'; readonly reason: NeighboursNotComputedReason };

/** The `count` candidates nearest to the target, nearest first. */
export function nearestNeighbours(candidates: readonly Candidate[], variables: readonly NeighbourVariable[], targetCode: string, count: number): Neighbours {
  requireVariables(variables);
  requireCandidates(candidates, variables);
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`count must be a whole number of at least 1, not ${count}`);

  if (variables.length === 0) return notComputed('no_variables');
  const rows = candidates.map((candidate) => transformed(candidate, variables));
  const target = rows.find((row) => row.code === targetCode);
  if (target === undefined) return notComputed('unknown_area');
  const targetValues = complete(target.values);
  if (targetValues === undefined) return notComputed('target_has_missing_values');

  const scales = variables.map((variable, index) =>
    scaleOf(
      variable.id,
      rows.map((row) => row.values[index] ?? null),
    ),
  );
  const totalWeight = sum(variables.map((variable) => variable.weight));

  const ranked: Neighbour[] = [];
  for (const row of rows) {
    const values = complete(row.values);
    if (row.code === targetCode || values === undefined) continue;
    ranked.push(neighbourOf(row.code, values, targetValues, variables, scales, totalWeight));
  }
  if (ranked.length < count) return notComputed('too_few_candidates');

  ranked.sort((a, b) => a.distance - b.distance || compareCodes(a.code, b.code));
  return Object.freeze({
    kind: 'ok',
    neighbours: Object.freeze(ranked.slice(0, count)),
    variables: Object.freeze(scales.map((scale) => Object.freeze({ id: scale.id, mean: scale.mean, sd: scale.sd }))),
  });
}

interface Scale {
  readonly id: string;
  readonly mean: number;
  readonly sd: number;
  /** Every candidate with a value has the same value: the variable separates no one. */
  readonly constant: boolean;
}

interface Row {
  readonly code: string;
  readonly values: readonly (number | null)[];
}

function neighbourOf(code: string, values: readonly number[], targetValues: readonly number[], variables: readonly NeighbourVariable[], scales: readonly Scale[], totalWeight: number): Neighbour {
  const differences = variables.map((_, index) => {
    const scale = scales[index];
    if (scale === undefined || scale.constant) return 0;
    return ((values[index] ?? 0) - (targetValues[index] ?? 0)) / scale.sd;
  });
  const terms = variables.map((variable, index) => {
    const difference = differences[index] ?? 0;
    return variable.weight * difference * difference;
  });
  const squared = sum(terms);
  const contributions = variables.map((variable, index) =>
    Object.freeze({
      variable: variable.id,
      share: squared > 0 ? (terms[index] ?? 0) / squared : 0,
      difference: differences[index] ?? 0,
    }),
  );
  return Object.freeze({
    code,
    distance: Math.sqrt(squared / totalWeight),
    contributions: Object.freeze(contributions),
  });
}

/** Mean and population SD over the values present, summed in ascending order. */
function scaleOf(id: string, column: readonly (number | null)[]): Scale {
  const present = column.filter((value): value is number => value !== null).sort((a, b) => a - b);
  const first = present[0];
  const last = present[present.length - 1];
  if (first === undefined || last === undefined) throw new Error(`no values for ${id}: the target has one, so this cannot happen`);
  if (first === last) return { id, mean: first, sd: 0, constant: true };
  const mean = sum(present) / present.length;
  const squares = present.map((value) => (value - mean) * (value - mean));
  return { id, mean, sd: Math.sqrt(sum(squares) / present.length), constant: false };
}

function transformed(candidate: Candidate, variables: readonly NeighbourVariable[]): Row {
  return {
    code: candidate.code,
    values: candidate.values.map((value, index) => {
      if (value === null) return null;
      return variables[index]?.transform === 'log' ? Math.log(value) : value;
    }),
  };
}

/** The values, when none is missing. */
function complete(values: readonly (number | null)[]): readonly number[] | undefined {
  return values.every((value): value is number => value !== null) ? values : undefined;
}

function sum(values: readonly number[]): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}

function compareCodes(a: string, b: string): number {
  if (a < b) return -1;
  return a > b ? 1 : 0;
}

function notComputed(reason: NeighboursNotComputedReason): Neighbours {
  return Object.freeze({ kind: 'not_computed', reason });
}

function requireVariables(variables: readonly NeighbourVariable[]): void {
  const ids = new Set<string>();
  for (const variable of variables) {
    if (ids.has(variable.id)) throw new RangeError(`variable ids must be unique: ${variable.id} appears twice`);
    ids.add(variable.id);
    if (!Number.isFinite(variable.weight) || variable.weight <= 0) {
      throw new RangeError(`the weight of ${variable.id} must be a finite number above 0, not ${variable.weight}`);
    }
    if (variable.transform !== 'none' && variable.transform !== 'log') {
      throw new RangeError(`the transform of ${variable.id} must be 'none' or 'log', not ${String(variable.transform)}`);
    }
  }
}

function requireCandidates(candidates: readonly Candidate[], variables: readonly NeighbourVariable[]): void {
  const codes = new Set<string>();
  for (const candidate of candidates) {
    if (codes.has(candidate.code)) throw new RangeError(`candidate codes must be unique: ${candidate.code} appears twice`);
    codes.add(candidate.code);
    if (candidate.values.length !== variables.length) {
      throw new RangeError(`${candidate.code} has ${candidate.values.length} values for ${variables.length} variables`);
    }
    candidate.values.forEach((value, index) => {
      if (value === null) return;
      const variable = variables[index];
      if (!Number.isFinite(value)) {
        throw new RangeError(`${candidate.code}'s ${variable?.id ?? index} must be a finite number or null, not ${value}`);
      }
      if (variable?.transform === 'log' && value <= 0) {
        throw new RangeError(`${candidate.code}'s ${variable.id} is logged, so it must be above 0, not ${value}`);
      }
    });
  }
}
