// A dry run: how Lantern would read and load a file, storing nothing.
//
// It is the real import, run inside one transaction that is then rolled back,
// so that what it reports is what an import would do, not a second opinion:
// the batch, its rows, the metrics and areas it would create and its
// rejections all vanish with the transaction, and its notice to readers with
// them (PostgreSQL delivers NOTIFY only on commit, so the benchmark index is
// not refreshed). The import runs as if --skip-invalid were given, so that the
// counts of the valid rows are known even where the file would be rejected.
import { comparePeriods, type Period } from '../domain/period/index.ts';
import type { Rejection } from '../domain/batch/index.ts';
import type { BatchKind } from '../store/batches.ts';
import { areasDefinedBy, metricsDefinedBy } from '../store/catalogue.ts';
import type { Sql } from '../store/store.ts';
import type { FileReading } from './file-reading.ts';
import { importFile, type ImportRequest } from './import-file.ts';

export interface DryRun {
  /** Whether the file would load: no rejections, or --skip-invalid given. */
  readonly wouldLoad: boolean;
  readonly kind: BatchKind;
  readonly rowsRead: number;
  readonly inserted: number;
  readonly revised: number;
  readonly unchanged: number;
  readonly rejected: number;
  readonly rejections: readonly Rejection[];
  readonly notices: readonly string[];
  readonly sha256: string | null;
  readonly seconds: number;
  /** How an observation file was read; absent where it could not be (a missing column). */
  readonly reading?: FileReading;
  readonly periods?: PeriodSpan;
  /** The metrics the import would create or change. */
  readonly metrics: readonly { readonly code: string; readonly title: string; readonly periodKind: string }[];
  /** The areas the import would add (with --add-areas, or from an area file). */
  readonly areas: readonly { readonly code: string; readonly name: string; readonly type: string }[];
  /** Area codes Lantern does not hold, as rejected. */
  readonly unknownAreas: readonly string[];
}

export interface PeriodSpan {
  readonly first: string;
  readonly last: string;
  readonly count: number;
  readonly kinds: readonly string[];
}

/** Rolls the dry run's transaction back, carrying what it found out. */
class RollBack extends Error {
  constructor(readonly dryRun: DryRun) {
    super('dry run: rolled back');
  }
}

export async function dryRunFile(sql: Sql, request: ImportRequest): Promise<DryRun> {
  try {
    await sql.begin(async (tx) => {
      // The import opens its own transactions: inside this one they become savepoints.
      const within = new Proxy(tx, { get: (target, key) => (key === 'begin' ? target.savepoint.bind(target) : Reflect.get(target, key)) }) as unknown as Sql;
      const result = await importFile(within, { ...request, skipInvalid: true });
      const metrics = await metricsDefinedBy(tx, result.batchId);
      const areas = await areasDefinedBy(tx, result.batchId);
      const areaColumn = result.reading?.columns.area;
      const unknownAreas = [...new Set(result.rejections.filter((r) => areaColumn && r.column === areaColumn && r.value).map((r) => r.value!))].sort();
      throw new RollBack({
        wouldLoad: result.status === 'loaded' && (result.rejected === 0 || request.skipInvalid === true),
        kind: result.kind,
        rowsRead: result.rowsRead,
        inserted: result.inserted,
        revised: result.revised,
        unchanged: result.unchanged,
        rejected: result.rejected,
        rejections: result.rejections,
        notices: result.notices,
        sha256: result.sha256,
        seconds: result.seconds,
        ...(result.reading ? { reading: result.reading } : {}),
        ...(result.reading && result.reading.periods.length > 0 ? { periods: periodSpan(result.reading.periods) } : {}),
        metrics: [...metrics],
        areas: [...areas],
        unknownAreas,
      });
    });
  } catch (error) {
    if (error instanceof RollBack) return error.dryRun;
    throw error;
  }
  throw new Error('a dry run must roll back');
}

function periodSpan(periods: readonly Period[]): PeriodSpan {
  const sorted = [...periods].sort(comparePeriods);
  return { first: sorted[0]!.label, last: sorted.at(-1)!.label, count: sorted.length, kinds: [...new Set(sorted.map((p) => p.kind))] };
}
