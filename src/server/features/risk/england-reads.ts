// England's risk view reads every open flag and every item about a council:
// thirty thousand rows, the most of the page's time; a patch's view is cut
// from the same rows. Kept in this process
// and read again only when the store's stamp of them moves (riskStamp), so
// that a view after no change costs the stamp alone. The policy is asked of
// each record on every view all the same: what is kept is the store's rows,
// never what one viewer may see.
import { gridFlags, itemsAbout, riskStamp, type GridFlag, type RiskItem } from '../../../store/risk-reads.ts';
import type { Sql } from '../../../store/store.ts';

interface Kept {
  readonly stamp: string;
  readonly flags: readonly GridFlag[];
  readonly items: readonly RiskItem[];
}

export class EnglandReads {
  private kept: Kept | null = null;

  constructor(private readonly sql: Sql) {}

  async read(): Promise<Kept> {
    const stamp = await riskStamp(this.sql);
    if (this.kept?.stamp === stamp) return this.kept;
    const [flags, items] = await Promise.all([gridFlags(this.sql, null), itemsAbout(this.sql, null)]);
    this.kept = { stamp, flags, items };
    return this.kept;
  }
}
