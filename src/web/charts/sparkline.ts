/*
 * Sparkline: a small trend line for a row of a profile, about 120 by 32
 * pixels, fixed in size so that a column of them lines up. The latest value is
 * marked; a missing value breaks the line (a lone value between gaps is a dot),
 * so a gap never reads as a straight-line change. It has no text of its own:
 * its name says what it shows and its description the first and last periods
 * with their values, for assistive technology; the table beside it has the
 * figures.
 */
import { coordinate } from './coordinate.ts';
import { formatNumber } from '../../domain/format/index.ts';
import { linearScale } from './linear-scale.ts';
import { LINE } from './palette.ts';
import { noDataDocument, svgDocument } from './svg-document.ts';

export interface SparklinePoint {
  readonly period: string;
  readonly value: number | null;
}

export interface SparklineInput {
  readonly id: string;
  readonly label: string;
  readonly points: readonly SparklinePoint[];
  readonly decimals: number;
  readonly width?: number;
  readonly height?: number;
}

const PAD = 4;
const LAST_POINT = 3;

export function sparkline(input: SparklineInput): string {
  const width = Math.max(input.width ?? 120, 40);
  const height = Math.max(input.height ?? 32, 16);
  const points = input.points.map((point) => ({ period: point.period, value: point.value !== null && Number.isFinite(point.value) ? point.value : null }));
  const known = points.flatMap((point, index) => (point.value === null ? [] : [{ ...point, value: point.value, index }]));
  const frame = { id: input.id, title: input.label, width, height, size: 'fixed', className: 'lantern-chart lantern-sparkline' } as const;
  const first = known[0];
  const last = known[known.length - 1];
  if (first === undefined || last === undefined) return noDataDocument({ ...frame, description: '' });

  const values = known.map((point) => point.value);
  const x = linearScale([0, Math.max(points.length - 1, 1)], [PAD, points.length > 1 ? width - PAD : width / 2]);
  const y = linearScale([Math.min(...values), Math.max(...values)], [height - PAD, PAD]);
  const c = coordinate;
  const runs = runsOf(known).map((run) => {
    if (run.length === 1) return `M${c(x(run[0]?.index ?? 0) - 1)} ${c(y(run[0]?.value ?? 0))}h2`;
    return run.map((point, step) => `${step === 0 ? 'M' : 'L'}${c(x(point.index))} ${c(y(point.value))}`).join('');
  });
  const body =
    `<path d="${runs.join('')}" fill="none" stroke="${LINE}" stroke-width="1.5" stroke-linejoin="round" stroke-linecap="round"/>` +
    `<circle cx="${c(x(last.index))}" cy="${c(y(last.value))}" r="${LAST_POINT}" fill="${LINE}"/>`;
  return svgDocument({ ...frame, description: describe(first, last, input.decimals), body });
}

/** Consecutive points with values, split wherever a value is missing. */
function runsOf<T extends { readonly index: number }>(known: readonly T[]): T[][] {
  const runs: T[][] = [];
  for (const point of known) {
    const run = runs[runs.length - 1];
    const previous = run?.[run.length - 1];
    if (run !== undefined && previous !== undefined && previous.index === point.index - 1) run.push(point);
    else runs.push([point]);
  }
  return runs;
}

function describe(first: { period: string; value: number }, last: { period: string; value: number }, decimals: number): string {
  const from = `${first.period}: ${formatNumber(first.value, decimals)}`;
  if (first === last) return `${from}.`;
  return `From ${from} to ${last.period}: ${formatNumber(last.value, decimals)}.`;
}
