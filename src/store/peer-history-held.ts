// Whose history of peer challenges the programme holds (migration 055): a
// peer challenge manager declares that every challenge of a kind of a
// council from a day on is kept here, so the cadence rule may judge that
// council and kind from then. Declaring again for the same council and kind
// replaces the day and the source; the audit trail keeps each declaration.
import type { ChallengeKind, HistoryHeld } from '../domain/peer-challenge/index.ts';
import type { Db } from './store.ts';

export interface HistoryDeclaration extends HistoryHeld {
  readonly source: string;
}

/** Every declaration, as the cadence rule reads them. */
export function historyHeld(sql: Db): Promise<HistoryHeld[]> {
  return sql<HistoryHeld[]>`
    select area_code as "councilCode", kind, to_char(held_from, 'YYYY-MM-DD') as "from" from peer_challenge_history_held order by area_code, kind`;
}

/** Declares (or declares again) the councils' history of a kind held from a day. */
export async function declareHistoryHeld(sql: Db, councilCodes: readonly string[], kind: ChallengeKind, from: string, source: string, by: number | null): Promise<void> {
  if (councilCodes.length === 0) return;
  await sql`
    insert into peer_challenge_history_held (area_code, kind, held_from, source, declared_by)
    select code, ${kind}, ${from}::date, ${source.trim()}, ${by} from unnest(${[...councilCodes]}::text[]) as code
    on conflict (area_code, kind) do update set held_from = excluded.held_from, source = excluded.source, declared_by = excluded.declared_by, declared_at = now()`;
}

/** Whether any council's history is declared held. */
export async function anyHistoryHeld(sql: Db): Promise<boolean> {
  const [row] = await sql<{ any: boolean }[]>`select exists (select 1 from peer_challenge_history_held) as any`;
  return row!.any;
}

/** Whether any challenge's enquiry was recorded with these words in its detail (the demo's mark on its made-up challenges). */
export async function anyChallengeMarked(sql: Db, words: string): Promise<boolean> {
  const [row] = await sql<{ any: boolean }[]>`
    select exists (select 1 from peer_challenge_step where step = 'enquire' and strpos(detail, ${words}) > 0) as any`;
  return row!.any;
}
