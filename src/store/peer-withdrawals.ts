// Withdrawing what a peer said of themselves (migrations 051 and 055): days
// away, and a conflict they declared. Each takes the peer's row lock, as a
// booking and days recorded away do, so a booking either comes before the
// withdrawal or sees it; and each moves the pool's generation as it commits
// (migration 043's trigger), so a kept pool reads the peer again. Neither is
// ever deleted: each is marked withdrawn, with when, by whom and why (a
// reason is asked of a conflict, and may be given for days away), and every
// rule reads only those standing. Days away wholly past stay as the record
// of when the peer was away; a span under way keeps its days up to
// yesterday standing, and the days to come become a withdrawn span of their
// own, naming the span they were cut from.
import { problem, type DateSpan, type Problem } from '../domain/peer-challenge/index.ts';
import type { Db } from './store.ts';

export type Withdrawn = { readonly kind: 'withdrawn'; readonly span?: DateSpan; readonly kept?: DateSpan } | { readonly kind: 'missing' } | { readonly kind: 'refused'; readonly problem: Problem };

const DAY = (column: string) => `to_char(${column}, 'YYYY-MM-DD')`;

/** Withdraws the peer's days away `spanId` from `today` on: the days to come are marked withdrawn, with who and why; the days past stay standing. */
export async function withdrawUnavailable(tx: Db, peerId: number, spanId: number, today: string, reason: string | null, by: number | null): Promise<Withdrawn> {
  const [peer] = await tx`select id from peer where id = ${peerId} for update`;
  if (!peer) return { kind: 'missing' };
  const [span] = await tx<{ from: string; to: string; withdrawnOn: string | null }[]>`
    select ${tx.unsafe(DAY('lower(during)'))} as "from", ${tx.unsafe(DAY('upper(during) - 1'))} as "to", ${tx.unsafe(DAY("withdrawn_at at time zone 'Europe/London'"))} as "withdrawnOn"
    from peer_unavailable where id = ${spanId} and peer_id = ${peerId}`;
  if (!span) return { kind: 'missing' };
  const days = { from: span.from, to: span.to };
  if (span.withdrawnOn !== null) return { kind: 'refused', problem: problem('span', `the days away from ${span.from} to ${span.to} were withdrawn on ${span.withdrawnOn}`) };
  if (span.to < today) {
    return { kind: 'refused', problem: problem('span', `the days away from ${span.from} to ${span.to} are past: they stay as the record of when the peer was away`) };
  }
  const why = reason === null || reason.trim() === '' ? null : reason.trim();
  if (span.from < today) {
    await tx`
      insert into peer_unavailable (peer_id, during, reason, withdrawn_at, withdrawn_by, withdraw_reason, cut_from)
      select peer_id, daterange(${today}::date, upper(during)), reason, now(), ${by}, ${why}, id from peer_unavailable where id = ${spanId}`;
    await tx`update peer_unavailable set during = daterange(lower(during), ${today}::date) where id = ${spanId}`;
    const [kept] = await tx<{ to: string }[]>`select ${tx.unsafe(DAY('upper(during) - 1'))} as "to" from peer_unavailable where id = ${spanId}`;
    return { kind: 'withdrawn', span: days, kept: { from: span.from, to: kept!.to } };
  }
  await tx`update peer_unavailable set withdrawn_at = now(), withdrawn_by = ${by}, withdraw_reason = ${why} where id = ${spanId}`;
  return { kind: 'withdrawn', span: days };
}

/** Withdraws the conflict the peer declared with the council, with who and why; refused, saying why, when none stands. */
export async function withdrawConflict(tx: Db, peerId: number, councilCode: string, reason: string, by: number | null): Promise<Withdrawn> {
  const [peer] = await tx<{ councilCode: string | null }[]>`select area_code as "councilCode" from peer where id = ${peerId} for update`;
  if (!peer) return { kind: 'missing' };
  // The standing declaration if there is one, else the one withdrawn last.
  const [row] = await tx<{ id: number; councilName: string; withdrawnOn: string | null }[]>`
    select c.id, a.name as "councilName", ${tx.unsafe(DAY("c.withdrawn_at at time zone 'Europe/London'"))} as "withdrawnOn"
    from peer_conflict c join area a on a.code = c.area_code where c.peer_id = ${peerId} and c.area_code = ${councilCode}
    order by c.withdrawn_at desc nulls first, c.id desc limit 1`;
  if (row?.withdrawnOn === null) {
    await tx`update peer_conflict set withdrawn_at = now(), withdrawn_by = ${by}, withdraw_reason = ${reason.trim()} where id = ${row.id}`;
    return { kind: 'withdrawn' };
  }
  if (row) return { kind: 'refused', problem: problem('councilCode', `the conflict with ${row.councilName} was withdrawn on ${row.withdrawnOn}`) };
  if (peer.councilCode === councilCode) {
    return { kind: 'refused', problem: problem('councilCode', "the peer's own council conflicts them by Lantern's rules, not by a declaration: it cannot be withdrawn") };
  }
  return { kind: 'refused', problem: problem('councilCode', `the peer has declared no conflict with ${councilCode}`) };
}
