// Councils' requests for support as kept (migration 039): asked by one of the
// council's people, held by the provider's organisation, moved one step at a
// time by the domain's `advanceRequest`, which alone says whether a step may
// happen. The rule "a second open enquiry of one kind for a council is
// refused" is the store's own (a partial unique index), so that two people
// asking at once cannot both open one; the entitlement is counted under a
// lock per council, so that two asks at once cannot both take the last use.
import { advanceRequest, problem, type Agreement, type OfferRequest, type OfferUse, type Problem, type Rating, type RequestEvent, type RequestState } from '../domain/peer-challenge/index.ts';
import { inTransaction } from './peer-bookings.ts';
import type { Db } from './store.ts';

export interface StoredRequest extends OfferRequest {
  readonly id: number;
  readonly councilName: string;
  readonly offerKind: string;
  readonly providerId: string;
  /** The provider's organisation, which holds the request. */
  readonly organisationId: number;
  readonly requestedBy: number | null;
  readonly requestedByName: string | null;
  readonly note: string | null;
  readonly challengeId: number | null;
  readonly revision: number;
  /** The people whose own rating stands (each rates once; a withdrawn rating is not one). */
  readonly ratedBy: readonly number[];
  /** The ratings given in their own names that stand, each with its id, for its rater to change or withdraw. */
  readonly ownRatings: readonly { readonly id: number; readonly userId: number; readonly helpful: Agreement }[];
  /** Every change of a rating, the earliest first: who, from (null: given again after withdrawing), to (null: withdrawn), when. */
  readonly ratingChanges: readonly RatingChange[];
}

export interface RatingChange {
  readonly by: string;
  readonly from: Agreement | null;
  readonly to: Agreement | null;
  /** When, as an ISO instant. */
  readonly at: string;
}

export interface RequestDraft {
  readonly councilCode: string;
  readonly offerId: string;
  readonly offerKind: string;
  readonly providerId: string;
  readonly organisationId: number;
  readonly requestedOn: string;
  readonly note: string | null;
}

/** The open request a second one ran into: named, so that the refusal can link to it. */
export interface OpenRequest {
  readonly id: number;
  readonly offerId: string;
  readonly requestedOn: string;
}

export type Asked = { readonly kind: 'ok'; readonly id: number } | { readonly kind: 'refused'; readonly problem: Problem } | { readonly kind: 'open'; readonly open: OpenRequest };
export type Stepped = { readonly kind: 'ok'; readonly request: StoredRequest } | { readonly kind: 'refused'; readonly problem: Problem };
/** A person's rating: taken, refused by the domain, or their own given already (each person rates once). */
export type Rated = Stepped | { readonly kind: 'again'; readonly rating: { readonly id: number; readonly helpful: Agreement; readonly on: string } };

const DAY = (column: string) => `to_char(${column}, 'YYYY-MM-DD')`;
const REQUEST_SELECT = `r.id, r.area_code as "councilCode", a.name as "councilName", r.offer_id as "offerId", r.offer_kind as "offerKind",
  r.provider_id as "providerId", r.organisation_id as "organisationId", r.requested_by as "requestedBy", u.name as "requestedByName",
  ${DAY('r.requested_on')} as "requestedOn", r.note, r.state, ${DAY('r.decided_on')} as "decidedOn", r.decline_reason as "declineReason",
  ${DAY('r.delivered_on')} as "deliveredOn", r.challenge_id as "challengeId", r.revision,
  coalesce((select json_agg(json_build_object('by', g.rater, 'helpful', g.helpful) order by g.id) from support_request_rating g where g.request_id = r.id and g.withdrawn_at is null), '[]') as ratings,
  array(select g.rated_by from support_request_rating g where g.request_id = r.id and g.rated_by is not null and g.withdrawn_at is null order by g.id) as "ratedBy",
  coalesce((select json_agg(json_build_object('id', g.id, 'userId', g.rated_by, 'helpful', g.helpful) order by g.id) from support_request_rating g
    where g.request_id = r.id and g.rated_by is not null and g.withdrawn_at is null), '[]') as "ownRatings",
  coalesce((select json_agg(json_build_object('by', cu.name, 'from', c.from_helpful, 'to', c.to_helpful, 'at', to_char(c.changed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')) order by c.id)
    from support_rating_change c join user_account cu on cu.id = c.changed_by where c.request_id = r.id), '[]') as "ratingChanges"`;
const REQUEST_FROM = 'support_request r join area a on a.code = r.area_code left join user_account u on u.id = r.requested_by';

export const OPEN_STATES: readonly RequestState[] = ['requested', 'accepted'];

/** The provider organisations that answer requests, by the offer's provider id. */
export async function providerOrganisations(sql: Db): Promise<Map<string, number>> {
  const rows = await sql<{ providerId: string; organisationId: number }[]>`select provider_id as "providerId", organisation_id as "organisationId" from support_provider`;
  return new Map(rows.map((r) => [r.providerId, r.organisationId]));
}

/** Names the organisation that answers for a provider of the offer, replacing any named before. */
export async function setProviderOrganisation(sql: Db, providerId: string, organisationId: number): Promise<void> {
  await sql`insert into support_provider (provider_id, organisation_id) values (${providerId}, ${organisationId})
    on conflict (provider_id) do update set organisation_id = excluded.organisation_id`;
}

/** Stops any organisation answering for a provider; the organisation that did, if one did. Requests already made stay with it. */
export async function removeProviderOrganisation(sql: Db, providerId: string): Promise<number | undefined> {
  const [removed] = await sql<{ organisationId: number }[]>`delete from support_provider where provider_id = ${providerId} returning organisation_id as "organisationId"`;
  return removed?.organisationId;
}

/** What the council has had or asked for and not been declined: each counts against its entitlement. */
export function offerUsesOf(sql: Db, councilCode: string): Promise<OfferUse[]> {
  return sql<OfferUse[]>`
    select offer_id as "offerId", ${sql.unsafe(DAY('requested_on'))} as "on" from support_request
    where area_code = ${councilCode} and state <> 'declined' order by requested_on`;
}

/**
 * Records a council's request, after `check` (the domain's eligibility and
 * entitlement, given the council's uses read under the council's lock) finds
 * nothing wrong; refused with the open request of the same kind if there is
 * one, however many ask at once.
 */
export function askForSupport(sql: Db, draft: RequestDraft, by: number | null, check: (uses: readonly OfferUse[]) => Problem[]): Promise<Asked> {
  return inTransaction(sql, async (tx) => {
    await tx`select pg_advisory_xact_lock(hashtext('support_request'), hashtext(${draft.councilCode}))`;
    const open = await openOfKind(tx, draft.councilCode, draft.offerKind);
    if (open) return { kind: 'open', open };
    const problems = check(await offerUsesOf(tx, draft.councilCode));
    if (problems.length > 0) return { kind: 'refused', problem: problems[0]! };
    const [row] = await tx<{ id: number }[]>`
      insert into support_request (area_code, offer_id, offer_kind, provider_id, organisation_id, requested_by, requested_on, note, state)
      values (${draft.councilCode}, ${draft.offerId}, ${draft.offerKind}, ${draft.providerId}, ${draft.organisationId}, ${by}, ${draft.requestedOn}, ${draft.note}, 'requested')
      on conflict do nothing
      returning id`;
    if (row) return { kind: 'ok', id: row.id };
    // another transaction opened one between our look and our insert (only without the lock, as in a replica's race)
    const winner = await openOfKind(tx, draft.councilCode, draft.offerKind);
    return winner ? { kind: 'open', open: winner } : { kind: 'refused', problem: problem('offerId', 'the request could not be recorded: try again') };
  });
}

async function openOfKind(tx: Db, councilCode: string, offerKind: string): Promise<OpenRequest | undefined> {
  const [open] = await tx<OpenRequest[]>`
    select id, offer_id as "offerId", ${tx.unsafe(DAY('requested_on'))} as "requestedOn" from support_request
    where area_code = ${councilCode} and offer_kind = ${offerKind} and state in ('requested', 'accepted')`;
  return open;
}

export async function readRequest(sql: Db, id: number): Promise<StoredRequest | undefined> {
  const [row] = await sql<StoredRequest[]>`select ${sql.unsafe(REQUEST_SELECT)} from ${sql.unsafe(REQUEST_FROM)} where r.id = ${id}`;
  return row;
}

export interface RequestQuery {
  readonly councilCode?: string;
  readonly organisationId?: number;
  readonly states?: readonly RequestState[];
}

/** Requests by council or by holder, the latest first. */
export function listRequests(sql: Db, query: RequestQuery): Promise<StoredRequest[]> {
  const council = query.councilCode ?? null;
  const holder = query.organisationId ?? null;
  const states = query.states ? [...query.states] : null;
  return sql<StoredRequest[]>`
    select ${sql.unsafe(REQUEST_SELECT)} from ${sql.unsafe(REQUEST_FROM)}
    where (${council}::text is null or r.area_code = ${council})
      and (${holder}::integer is null or r.organisation_id = ${holder})
      and (${states}::text[] is null or r.state = any(${states}::text[]))
    order by r.requested_on desc, r.id desc
    limit 500`;
}

/**
 * Takes one step of a request, if the domain allows it from where the request
 * stands, locking its row so that two providers answering at once take turns.
 * `also` runs in the same transaction when the step is allowed (accepting a
 * peer challenge opens its enquiry) and may return the challenge it opened.
 */
export function stepRequest(
  sql: Db,
  id: number,
  event: RequestEvent,
  by: number | null,
  also?: (tx: Db, request: StoredRequest) => Promise<{ challengeId: number } | { problem: Problem } | undefined>,
): Promise<Stepped> {
  return inTransaction(sql, async (tx) => {
    const [locked] = await tx`select id from support_request where id = ${id} for update`;
    if (!locked) return { kind: 'refused', problem: problem('request', `no request has the id ${id}`) };
    const current = (await readRequest(tx, id))!;
    const step = advanceRequest(current, event);
    if (step.kind === 'refused') return step;
    const next = step.request;
    const extra = also ? await also(tx, current) : undefined;
    if (extra && 'problem' in extra) return { kind: 'refused', problem: extra.problem };
    await tx`
      update support_request set state = ${next.state}, decided_on = ${next.decidedOn}, decline_reason = ${next.declineReason},
        delivered_on = ${next.deliveredOn}, revision = revision + 1,
        decided_by = case when ${event.kind} in ('accept', 'decline') then ${by}::integer else decided_by end,
        delivered_by = case when ${event.kind} = 'deliver' then ${by}::integer else delivered_by end,
        challenge_id = coalesce(${extra?.challengeId ?? null}::integer, challenge_id)
      where id = ${id}`;
    if (event.kind === 'rate') await addRatings(tx, id, event.ratings, by);
    return { kind: 'ok', request: (await readRequest(tx, id))! };
  });
}

async function addRatings(tx: Db, id: number, ratings: readonly Rating[], by: number | null): Promise<void> {
  await tx`insert into support_request_rating ${tx(ratings.map((r) => ({ request_id: id, rater: r.by.trim(), helpful: r.helpful, entered_by: by })))}`;
}

/**
 * A person's own rating of delivered support, in their name, the request's
 * row locked: refused by the domain where the request is not delivered, and
 * answered with the rating they gave where they have rated it already (the
 * unique index holds it too). A rating they withdrew is given again, the
 * change kept (src/store/support-ratings.ts).
 */
export function rateAsPerson(sql: Db, id: number, helpful: Agreement, userId: number): Promise<Rated> {
  return inTransaction(sql, async (tx) => {
    const [locked] = await tx`select id from support_request where id = ${id} for update`;
    if (!locked) return { kind: 'refused', problem: problem('request', `no request has the id ${id}`) };
    const [given] = await tx<{ id: number; helpful: Agreement; on: string; withdrawn: boolean }[]>`
      select id, helpful, to_char(entered_at at time zone 'Europe/London', 'YYYY-MM-DD') as on, withdrawn_at is not null as withdrawn
      from support_request_rating where request_id = ${id} and rated_by = ${userId}`;
    if (given && !given.withdrawn) return { kind: 'again', rating: { id: given.id, helpful: given.helpful, on: given.on } };
    const [person] = await tx<{ name: string }[]>`select name from user_account where id = ${userId}`;
    if (!person) return { kind: 'refused', problem: problem('helpful', `no user has the id ${userId}`) };
    const step = advanceRequest((await readRequest(tx, id))!, { kind: 'rate', ratings: [{ by: person.name, helpful }] });
    if (step.kind === 'refused') return step;
    await tx`update support_request set state = ${step.request.state}, revision = revision + 1 where id = ${id}`;
    if (given) {
      await tx`update support_request_rating set helpful = ${helpful}, withdrawn_at = null where id = ${given.id}`;
      await tx`insert into support_rating_change (rating_id, request_id, from_helpful, to_helpful, changed_by) values (${given.id}, ${id}, null, ${helpful}, ${userId})`;
    } else {
      await tx`insert into support_request_rating (request_id, rater, helpful, entered_by, rated_by) values (${id}, ${person.name}, ${helpful}, ${userId}, ${userId})`;
    }
    return { kind: 'ok', request: (await readRequest(tx, id))! };
  });
}
