/*
 * Nice ticks: four to six round axis values (steps of 1, 2, 2.5 or 5 times a
 * power of ten) that cover a range, the first at or below its minimum and the
 * last at or above its maximum, so that an axis reads 0, 20, 40, 60, 80 and
 * never 0, 17.3, 34.6. The charts use the first and last tick as their scale,
 * so a scale that starts from zero has a tick at zero.
 */
export interface Ticks {
  readonly values: readonly number[];
  readonly step: number;
  /** Decimals that write every tick exactly: 0 for a step of 20, 1 for 2.5. */
  readonly decimals: number;
}

const MULTIPLES = [1, 2, 2.5, 5] as const;
const FEWEST = 4;
const MOST = 6;
const BEST = 5;
const TINY = 1e-12;

export function niceTicks(minimum: number, maximum: number): Ticks {
  if (!Number.isFinite(minimum) || !Number.isFinite(maximum)) {
    throw new RangeError(`ticks need a finite range, not ${minimum} to ${maximum}`);
  }
  const [low, high] = spread(Math.min(minimum, maximum), Math.max(minimum, maximum));
  let best: { values: number[]; step: number; decimals: number } | null = null;
  for (const step of candidateSteps(high - low)) {
    const decimals = decimalsOf(step);
    const first = Math.floor(low / step + 1e-9) * step;
    const last = Math.ceil(high / step - 1e-9) * step;
    const count = Math.round((last - first) / step) + 1;
    if (!(count <= MOST * 10)) continue;
    if (best !== null && Math.abs(count - BEST) >= Math.abs(best.values.length - BEST)) continue;
    const values = Array.from({ length: count }, (_, index) => Number((first + index * step).toFixed(decimals)) + 0);
    best = { values, step, decimals };
  }
  if (best === null || best.values.length < FEWEST || best.values.length > MOST) {
    throw new RangeError(`no nice ticks for ${minimum} to ${maximum}`);
  }
  return best;
}

/**
 * A range of zero width (or one too narrow for doubles to step through, or of
 * vanishingly small numbers) widened around its value, so that it still has an axis.
 */
function spread(low: number, high: number): [number, number] {
  const size = Math.max(Math.abs(low), Math.abs(high));
  if (size < TINY) return [0, 1];
  if (high - low > size * 1e-9) return [low, high];
  const magnitude = 10 ** Math.floor(Math.log10(Math.abs(low)));
  return [low - magnitude, high + magnitude];
}

/** Round steps from a tenth of the span to half of it: enough to find four to six ticks. */
function candidateSteps(span: number): number[] {
  const power = Math.floor(Math.log10(span / BEST));
  const steps: number[] = [];
  for (let exponent = power - 1; exponent <= power + 1; exponent += 1) {
    for (const multiple of MULTIPLES) steps.push(exponent >= 0 ? multiple * 10 ** exponent : multiple / 10 ** -exponent);
  }
  return steps;
}

function decimalsOf(step: number): number {
  for (let decimals = 0; decimals < 20; decimals += 1) {
    const scaled = step * 10 ** decimals;
    if (scaled >= 0.999 && Math.abs(scaled - Math.round(scaled)) < 1e-6 * scaled) return decimals;
  }
  return 20;
}
