// How Lantern read an observation file, for a dry run and `lantern inspect`:
// the layout it chose, what each observation cell was read from, and the
// periods the file gives (those of rejected rows too, where they parsed).
import type { Period } from '../domain/period/index.ts';

export interface FileReading {
  readonly layout: string;
  /** The file's column for each observation cell ('' where the layout has none). */
  readonly columns: Readonly<Record<string, string>>;
  /** What each other column was read as (a breakdown, the area's name, not used), where the layout says. */
  readonly otherColumns?: Readonly<Record<string, string>>;
  readonly periods: readonly Period[];
}
