// What the HTTP edge keeps of a peer challenge beside its lifecycle
// (migration 046): who holds it, one open challenge of a kind for a council,
// and the history of its steps. Opening takes a lock on the council and kind
// so that two managers opening the same enquiry at once take turns, and the
// second is told of the first. Each step is taken by `moveChallenge` (the
// domain's `advance` decides) and recorded in the same transaction.
import type { ChallengeKind, Problem, Stage } from '../domain/peer-challenge/index.ts';
import { inTransaction } from './peer-bookings.ts';
import { moveChallenge, openChallenge, type ChallengeMove, type Moved, type StoredChallenge } from './peer-challenges.ts';
import type { Db } from './store.ts';

export interface OpenChallenge {
  readonly id: number;
  readonly stage: Stage;
  readonly enquiredOn: string;
}

export type Enquired = { readonly kind: 'ok'; readonly id: number } | { readonly kind: 'refused'; readonly problem: Problem } | { readonly kind: 'already_open'; readonly open: OpenChallenge };

export interface EnquiryDraft {
  readonly councilCode: string;
  readonly kind: string;
  readonly enquiredOn: string;
  readonly managedBy: number | null;
  /** The organisation that holds the challenge: the opening manager's. */
  readonly heldBy: number | null;
  /** What the enquiry's step says, beside the kind. */
  readonly detail?: string;
}

/** Who may read a challenge beyond its holder and council: its team (peers who sign in) and whom it was shared with. */
export interface ChallengeHolding {
  readonly heldBy: number | null;
  readonly councilCode: string;
  readonly teamUsers: readonly number[];
  readonly sharedWithUsers: readonly number[];
  readonly sharedWithOrganisations: readonly number[];
}

export interface ChallengeStepTaken {
  readonly id: number;
  readonly step: string;
  readonly stage: Stage;
  readonly onDay: string | null;
  readonly detail: string;
  readonly revision: number;
  readonly takenByName: string | null;
  readonly takenAt: Date;
}

/** Opens an enquiry, unless the council has an open challenge of the kind: then that one. */
export function openEnquiry(sql: Db, draft: EnquiryDraft): Promise<Enquired> {
  return inTransaction(sql, async (tx) => {
    await tx`select pg_advisory_xact_lock(hashtext('peer_challenge'), hashtext(${`${draft.councilCode}|${draft.kind}`}))`;
    const [open] = await tx<OpenChallenge[]>`
      select id, stage, to_char(enquired_on, 'YYYY-MM-DD') as "enquiredOn" from peer_challenge
      where area_code = ${draft.councilCode} and kind = ${draft.kind} and stage <> 'closed' order by enquired_on desc, id desc limit 1`;
    if (open) return { kind: 'already_open', open };
    const opened = await openChallenge(tx, draft);
    if (opened.kind === 'refused') return opened;
    await tx`update peer_challenge set held_by = ${draft.heldBy} where id = ${opened.id}`;
    await tx`insert into peer_challenge_step (challenge_id, step, stage, on_day, detail, revision, taken_by)
      values (${opened.id}, 'enquire', 'enquiry', ${draft.enquiredOn}, ${`a ${draft.kind as ChallengeKind} peer challenge${draft.detail ? `: ${draft.detail}` : ''}`}, 1, ${draft.managedBy})`;
    return { kind: 'ok', id: opened.id };
  });
}

/** Takes one step and records it with what it said, in one transaction; refused as `moveChallenge` refuses. */
export function takeStep(sql: Db, id: number, move: ChallengeMove, detail: string, by: number | null, revision: number): Promise<Moved> {
  return inTransaction(sql, async (tx) => {
    const moved = await moveChallenge(tx, id, move, by, revision);
    if (moved.kind === 'refused') return moved;
    const c = moved.challenge;
    await tx`insert into peer_challenge_step (challenge_id, step, stage, on_day, detail, revision, taken_by)
      values (${id}, ${move.kind}, ${c.stage}, ${dayOf(move, c)}, ${detail}, ${c.revision}, ${by})`;
    return moved;
  });
}

function dayOf(move: ChallengeMove, c: StoredChallenge): string | null {
  if ('on' in move) return move.on;
  if (move.kind === 'book') return move.onSite.from;
  return c.onSite?.from ?? null;
}

export async function holdingOf(sql: Db, id: number): Promise<ChallengeHolding | undefined> {
  const [row] = await sql<ChallengeHolding[]>`
    select coalesce(c.held_by, u.organisation_id) as "heldBy", c.area_code as "councilCode",
      coalesce((select array_agg(distinct p.user_id) from peer_booking b join peer p on p.id = b.peer_id
        where b.challenge_id = c.id and b.released_at is null and p.user_id is not null), '{}') as "teamUsers",
      coalesce((select array_agg(s.with_user_id) from share s where s.record_kind = 'peer_challenge' and s.record_id = c.id::text
        and s.revoked_at is null and s.with_user_id is not null), '{}') as "sharedWithUsers",
      coalesce((select array_agg(s.with_organisation_id) from share s where s.record_kind = 'peer_challenge' and s.record_id = c.id::text
        and s.revoked_at is null and s.with_organisation_id is not null), '{}') as "sharedWithOrganisations"
    from peer_challenge c left join user_account u on u.id = c.managed_by
    where c.id = ${id}`;
  return row;
}

export function stepsOf(sql: Db, id: number): Promise<ChallengeStepTaken[]> {
  return sql<ChallengeStepTaken[]>`
    select s.id, s.step, s.stage, to_char(s.on_day, 'YYYY-MM-DD') as "onDay", s.detail, s.revision, u.name as "takenByName", s.taken_at as "takenAt"
    from peer_challenge_step s left join user_account u on u.id = s.taken_by
    where s.challenge_id = ${id} order by s.id`;
}

/** Whether any challenge is kept: the demo makes its own only into a programme that has none. */
export async function anyChallenge(sql: Db): Promise<boolean> {
  return (await sql`select 1 from peer_challenge limit 1`).length > 0;
}
