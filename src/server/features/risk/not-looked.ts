// Where a rule could not look at a council (a service this tier does not
// deliver, a suppressed figure, too few points), worked out on the benchmark
// index for the one council when its view is asked for: the flag table keeps
// what was found, not what could not be looked at, and a quiet row must not
// be taken for a clean one.
import type { NotFlagged } from '../../../domain/early-warning/index.ts';
import type { BenchmarkEngine } from '../../../engine/benchmark-engine.ts';
import { notFlaggedOf } from '../../../engine/early-warning.ts';

export class NotLooked {
  constructor(private readonly engine: BenchmarkEngine) {}

  /** The rules that could not look at this council, metric by metric. */
  ofArea(areaCode: string): readonly NotFlagged[] {
    return notFlaggedOf(this.engine.index, areaCode);
  }
}
