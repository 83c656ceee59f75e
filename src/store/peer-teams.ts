// A challenge's team as the HTTP edge reads it: the challenge and its team's
// names (who holds it, for the policy, is peer-challenge-records.ts's
// `holdingOf`), the weeks on site of a
// challenge or of a peer's bookings (for iCalendar), and each peer's private
// feed, kept as its token's SHA-256 (migrations 045, 051). Booking and releasing stay in peer-bookings.ts,
// which refuses a double booking and a conflicted peer under the peer's lock.
import type { ChallengeKind, DateSpan, Stage } from '../domain/peer-challenge/index.ts';
import type { Db } from './store.ts';

/** A challenge as its team's page and the policy read it. */
export interface TeamChallengeRow {
  readonly id: number;
  readonly councilCode: string;
  readonly councilName: string;
  readonly kind: ChallengeKind;
  readonly stage: Stage;
  readonly onSite: DateSpan | null;
  readonly focusAreas: readonly string[];
  readonly feedbackOn: string | null;
  readonly reportPublishedOn: string | null;
  readonly revision: number;
  readonly updatedAt: Date;
  /** The team's names, lead first, for the calendar. */
  readonly teamNames: readonly string[];
}

const DAY = (column: string) => `to_char(${column}, 'YYYY-MM-DD')`;
const SPAN = `case when c.on_site is null then null else json_build_object('from', ${DAY('lower(c.on_site)')}, 'to', ${DAY('upper(c.on_site) - 1')}) end`;
const SELECT = `c.id, c.area_code as "councilCode", a.name as "councilName", c.kind, c.stage, ${SPAN} as "onSite", c.focus_areas as "focusAreas",
  ${DAY('c.feedback_on')} as "feedbackOn", ${DAY('c.report_published_on')} as "reportPublishedOn", c.revision, c.updated_at as "updatedAt",
  array(select p.name from peer_booking b join peer p on p.id = b.peer_id
    where b.challenge_id = c.id and b.released_at is null order by b.lead desc, p.name, p.id) as "teamNames"`;
const FROM = `peer_challenge c join area a on a.code = c.area_code`;

export async function teamChallenge(sql: Db, id: number): Promise<TeamChallengeRow | undefined> {
  const [row] = await sql<TeamChallengeRow[]>`select ${sql.unsafe(SELECT)} from ${sql.unsafe(FROM)} where c.id = ${id}`;
  return row;
}

/** The challenges whose weeks a peer is booked for, earliest first: their feed. */
export function challengesOfPeer(sql: Db, peerId: number): Promise<TeamChallengeRow[]> {
  return sql<TeamChallengeRow[]>`
    select ${sql.unsafe(SELECT)} from ${sql.unsafe(FROM)}
    where c.id in (select challenge_id from peer_booking where peer_id = ${peerId} and released_at is null)
    order by lower(c.on_site), c.id`;
}

/** When the peer's feed address was made, if one was: the store keeps only its token's hash, so the address itself is never read back. */
export async function feedMadeAt(sql: Db, peerId: number): Promise<Date | undefined> {
  const [row] = await sql<{ madeAt: Date }[]>`select made_at as "madeAt" from peer_feed where peer_id = ${peerId}`;
  return row?.madeAt;
}

/** Gives the peer a new feed token, kept as its hash, closing the old address. */
export async function renewFeedToken(sql: Db, peerId: number, tokenHash: Buffer, by: number | null): Promise<void> {
  await sql`
    insert into peer_feed (peer_id, token_hash, made_by) values (${peerId}, ${tokenHash}, ${by})
    on conflict (peer_id) do update set token_hash = excluded.token_hash, made_by = excluded.made_by, made_at = now()`;
}

/** The peer whose feed the token's hash opens. */
export async function peerOfFeed(sql: Db, tokenHash: Buffer): Promise<{ id: number; name: string } | undefined> {
  const [row] = await sql<{ id: number; name: string }[]>`select p.id, p.name from peer_feed f join peer p on p.id = f.peer_id where f.token_hash = ${tokenHash}`;
  return row;
}
