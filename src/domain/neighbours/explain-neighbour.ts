/*
 * Why an area is a neighbour, in one sentence: the variable it is closest to
 * the target on, and the one it is furthest on with how far and which way,
 * e.g. "closest on population density; furthest on population (0.8 SD more)".
 *
 * "More" and "less" are the neighbour against the target (the sign of the
 * contribution's difference, neighbour minus target); the amount is in
 * standard deviations of the variable as compared (after its log transform,
 * if it has one), to one decimal place, or "less than 0.05 SD" where that
 * would read 0.0. Closest and furthest go by the size of the difference;
 * sizes within 1e-9 SD of each other are a tie (the log of 10⁴ is not
 * exactly twice the log of 10² in floating point), and a tie goes to the
 * variable listed first, so the sentence does not turn on rounding noise.
 *
 * Three cases read differently: a neighbour no different on any variable is
 * "the same as the target on every variable"; with one variable there is no
 * closest or furthest ("compared on population alone: 0.8 SD more"); and when
 * every difference has the same size (within the tie), "equally far on every
 * variable (1.0 SD)".
 *
 * The labels come from the variables the neighbours were found with; a
 * contribution whose variable is not among them, or a neighbour with no
 * contributions, is a programmer error and throws.
 */
import type { Neighbour, NeighbourContribution, NeighbourVariable } from './nearest-neighbours.ts';

/** Sizes this close, in SD, are a tie: the arithmetic's rounding, not a difference. */
const TIE = 1e-9;

export function explainNeighbour(neighbour: Neighbour, variables: readonly Pick<NeighbourVariable, 'id' | 'label'>[]): string {
  const contributions = neighbour.contributions;
  const first = contributions[0];
  if (first === undefined) throw new RangeError(`${neighbour.code} has no contributions to explain`);
  const labels = new Map(variables.map((variable) => [variable.id, variable.label]));
  const label = (contribution: NeighbourContribution): string => {
    const text = labels.get(contribution.variable);
    if (text === undefined) throw new RangeError(`no label for the variable ${contribution.variable}`);
    return text;
  };
  contributions.forEach(label);

  let closest = first;
  let furthest = first;
  for (const contribution of contributions) {
    if (Math.abs(contribution.difference) < Math.abs(closest.difference) - TIE) closest = contribution;
    if (Math.abs(contribution.difference) > Math.abs(furthest.difference) + TIE) furthest = contribution;
  }

  if (contributions.every((contribution) => contribution.difference === 0)) return 'the same as the target on every variable';
  if (contributions.length === 1) return `compared on ${label(first)} alone: ${amount(first.difference)}`;
  if (Math.abs(furthest.difference) - Math.abs(closest.difference) <= TIE) {
    return `equally far on every variable (${size(first.difference)})`;
  }
  return `closest on ${label(closest)}; furthest on ${label(furthest)} (${amount(furthest.difference)})`;
}

/** "0.8 SD", or "less than 0.05 SD" where one decimal place would say 0.0. */
function size(difference: number): string {
  const rounded = Math.abs(difference).toFixed(1);
  return rounded === '0.0' ? 'less than 0.05 SD' : `${rounded} SD`;
}

function amount(difference: number): string {
  const text = size(difference);
  if (text.startsWith('less than')) return `${text} apart`;
  return `${text} ${difference > 0 ? 'more' : 'less'}`;
}
