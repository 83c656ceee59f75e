// A person's own rating of delivered support, changed or withdrawn by them
// (migration 056): the rating's row holds the answer that stands, or is
// marked withdrawn (never deleted), and each change is kept in
// `support_rating_change` (insert-only) with its answer before and after, so
// that every earlier rating stays. The verdict reads the ratings that stand
// alone; a request whose every rating is withdrawn is delivered again, not
// rated. Each change is made with the request's row locked, as rating is.
import type { Agreement } from '../domain/peer-challenge/index.ts';
import { inTransaction } from './peer-bookings.ts';
import { readRequest, type StoredRequest } from './support-requests.ts';
import type { Db } from './store.ts';

export interface StoredRating {
  readonly id: number;
  readonly requestId: number;
  /** The person who gave it in their own name; null for ratings entered on behalf of people named. */
  readonly ratedBy: number | null;
  readonly helpful: Agreement;
  readonly withdrawn: boolean;
}

export type RatingChanged =
  | { readonly kind: 'ok'; readonly request: StoredRequest; readonly from: Agreement | null }
  | { readonly kind: 'unchanged'; readonly request: StoredRequest }
  | { readonly kind: 'withdrawn_already' }
  | { readonly kind: 'missing' };

/** The rating of the request with the id, withdrawn or not; undefined where the request has no rating of that id. */
export async function readRating(sql: Db, requestId: number, ratingId: number): Promise<StoredRating | undefined> {
  const [row] = await sql<StoredRating[]>`
    select id, request_id as "requestId", rated_by as "ratedBy", helpful, withdrawn_at is not null as withdrawn
    from support_request_rating where id = ${ratingId} and request_id = ${requestId}`;
  return row;
}

/**
 * Changes the person's own rating to `helpful`, or withdraws it (null),
 * keeping the answer it had. A rating withdrawn already is said so; a
 * change to the answer it has is no change.
 */
export function changeOwnRating(sql: Db, requestId: number, ratingId: number, userId: number, helpful: Agreement | null): Promise<RatingChanged> {
  return inTransaction(sql, async (tx) => {
    const [locked] = await tx`select id from support_request where id = ${requestId} for update`;
    const rating = locked ? await readRating(tx, requestId, ratingId) : undefined;
    if (!rating || rating.ratedBy !== userId) return { kind: 'missing' };
    if (helpful === null && rating.withdrawn) return { kind: 'withdrawn_already' };
    if (!rating.withdrawn && rating.helpful === helpful) return { kind: 'unchanged', request: (await readRequest(tx, requestId))! };
    const from = rating.withdrawn ? null : rating.helpful;
    if (helpful === null) await tx`update support_request_rating set withdrawn_at = now() where id = ${ratingId}`;
    else await tx`update support_request_rating set helpful = ${helpful}, withdrawn_at = null where id = ${ratingId}`;
    await tx`insert into support_rating_change (rating_id, request_id, from_helpful, to_helpful, changed_by) values (${ratingId}, ${requestId}, ${from}, ${helpful}, ${userId})`;
    await tx`
      update support_request set revision = revision + 1,
        state = case when exists (select 1 from support_request_rating g where g.request_id = ${requestId} and g.withdrawn_at is null) then 'rated' else 'delivered' end
      where id = ${requestId}`;
    return { kind: 'ok', request: (await readRequest(tx, requestId))!, from };
  });
}
