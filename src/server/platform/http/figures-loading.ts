// While the benchmark index is first built (seconds, on a large store), the
// server already answers: what needs no figures is served as usual, and
// whatever reads the index is told the figures are loading, with a time to
// come back, rather than left to hang. The engine says so by throwing
// FiguresLoading; the page and API error handlers answer with this.
import type { Response } from 'express';
import { FiguresLoading } from '../../../engine/benchmark-engine.ts';
import { HttpError } from './http-error.ts';

/** About how long a build of a few million observations takes: long enough not to ask again and again. */
export const RETRY_AFTER_SECONDS = 5;

/** When `error` is the index still loading: sets Retry-After and gives the 503 to answer with; otherwise undefined. */
export function figuresLoadingAnswer(error: unknown, res: Response): HttpError | undefined {
  if (!(error instanceof FiguresLoading)) return undefined;
  res.set('Retry-After', String(RETRY_AFTER_SECONDS));
  return new HttpError(503, 'figures_loading', `Lantern is loading its figures. Please try again in ${RETRY_AFTER_SECONDS} seconds.`);
}
