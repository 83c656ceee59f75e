// Peer challenges' days on site as iCalendar (src/reports/icalendar.ts): a
// challenge's week for whoever may read the challenge, and each peer's
// private feed of every week they are booked for, at an address made of a
// random token that only the peer sees, once, when they make it (as an API
// token is shown), and may renew, which closes the old address. The store
// keeps only the token's SHA-256. A calendar program cannot sign in, so the
// token alone opens the feed; an unknown token is the one not-found answer.
import { newSecret, sha256 } from '../../platform/identity/secrets.ts';
import { challengeCalendar, peerFeed, visitStatus, type CalendarOptions, type OnSiteVisit } from '../../../reports/icalendar.ts';
import { challengesOfPeer, feedMadeAt, peerOfFeed, renewFeedToken, type TeamChallengeRow } from '../../../store/peer-teams.ts';
import type { Sql } from '../../../store/store.ts';
import type { RequestAccess } from '../../platform/access/index.ts';
import { HttpError, notFound } from '../../platform/http/http-error.ts';
import { readPeer } from './pool.ts';
import { findChallenge } from './team.ts';

function visitOf(c: TeamChallengeRow & { onSite: NonNullable<TeamChallengeRow['onSite']> }): OnSiteVisit {
  return {
    challengeId: c.id,
    councilName: c.councilName,
    kind: c.kind,
    onSite: c.onSite,
    status: visitStatus(c),
    team: c.teamNames,
    sequence: c.revision,
    changedAt: c.updatedAt,
  };
}

/** The challenge's week on site as a file of one event; 404 until the week is booked. */
export async function onSiteCalendar(sql: Sql, access: RequestAccess, idText: unknown, options: CalendarOptions): Promise<string> {
  const challenge = await findChallenge(sql, access, idText, 'read');
  if (challenge.onSite === null) throw notFound(`peer challenge ${challenge.id} has no week on site booked yet`);
  return challengeCalendar(visitOf({ ...challenge, onSite: challenge.onSite }), options);
}

/** The feed the token opens: every week its peer is booked for. */
export async function feedCalendar(sql: Sql, token: string, options: CalendarOptions): Promise<string> {
  const peer = await peerOfFeed(sql, sha256(token));
  if (!peer) throw notFound('there is no calendar feed at this address');
  const visits = (await challengesOfPeer(sql, peer.id)).flatMap((c) => (c.onSite === null ? [] : [visitOf({ ...c, onSite: c.onSite })]));
  return peerFeed(peer.name, visits, options);
}

/** When the peer's own feed address was made, for their page; null for anyone but the peer, or before one is made. The address itself is shown only as it is made. */
export async function ownFeedMadeAt(sql: Sql, access: RequestAccess, peer: { readonly id: number; readonly userId: number | null }): Promise<Date | null> {
  if (access.viewer.kind !== 'user' || peer.userId !== access.viewer.userId) return null;
  return (await feedMadeAt(sql, peer.id)) ?? null;
}

/** Makes the peer a new feed address, closing the old one: the peer alone. */
export async function renewFeed(sql: Sql, access: RequestAccess, idText: unknown): Promise<{ token: string }> {
  const peer = await readPeer(sql, access, idText, 'change');
  if (access.viewer.kind !== 'user' || peer.userId !== access.viewer.userId) {
    throw new HttpError(403, 'forbidden', "only the peer makes their own calendar feed's address", { missing: 'not_author', action: 'change', kind: 'peer' });
  }
  const token = newSecret();
  await sql.begin(async (tx) => {
    await renewFeedToken(tx, peer.id, sha256(token), access.userId);
    await access.audit(tx, 'change', 'peer', String(peer.id), 'made a new calendar feed address');
  });
  return { token };
}
