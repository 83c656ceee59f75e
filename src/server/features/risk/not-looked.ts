// Where a rule could not look at a council (a service this tier does not
// deliver, a suppressed figure, too few points), worked out on the benchmark
// index and kept until the index changes: the flag table keeps what was
// found, not what could not be looked at, and a quiet row must not be taken
// for a clean one. Worked out for every metric on first asking, then again
// only for the metrics a batch changed.
import type { NotFlagged } from '../../../domain/early-warning/index.ts';
import type { BenchmarkEngine } from '../../../engine/benchmark-engine.ts';
import { FlagBook } from '../../../engine/early-warning.ts';

export class NotLooked {
  private book: FlagBook | null = null;
  private readonly changed = new Set<string>();
  private stale = false;

  constructor(private readonly engine: BenchmarkEngine) {
    engine.onChange((change) => {
      if (change.kind === 'all') this.stale = true;
      else for (const code of change.codes) this.changed.add(code);
    });
  }

  /** The rules that could not look at this council, metric by metric. */
  ofArea(areaCode: string): readonly NotFlagged[] {
    return this.current().ofArea(areaCode).notFlagged;
  }

  private current(): FlagBook {
    const index = this.engine.index;
    if (this.book === null || this.stale) {
      this.book = new FlagBook();
      this.book.recomputeAll(index);
      this.stale = false;
      this.changed.clear();
    } else if (this.changed.size > 0) {
      this.book.recomputeMetrics(index, [...this.changed]);
      this.changed.clear();
    }
    return this.book;
  }
}
