// Joining a peer challenge's team is a share the council sees (migration
// 050): a booking of a peer who signs in to Lantern shares the challenge with
// that person in the share log, as any share is kept (by whom, why, when),
// and the booking's release revokes that share, saying why. Both run inside
// the booking's transaction. A peer with no sign-in reads nothing in Lantern,
// so booking one shares nothing. The share is made by whoever booked, or, for
// a booking made with no one signed in (the console, the demo), by the
// challenge's manager; with neither, no one answers for a share and none is
// written.
import { createShare, revokeShare, type Share } from './shares.ts';
import type { Db } from './store.ts';

interface BookingRow {
  readonly challengeId: number;
  readonly councilCode: string;
  readonly kind: string;
  readonly userId: number | null;
  readonly managedBy: number | null;
  readonly from: string;
  readonly to: string;
  readonly lead: boolean;
}

/** Shares the challenge with the peer a booking put on its team; null where the peer has no sign-in or no one answers for it. */
export async function shareBookingWithPeer(tx: Db, bookingId: number, by: number | null): Promise<Share | null> {
  const [booking] = await tx<BookingRow[]>`
    select b.challenge_id as "challengeId", c.area_code as "councilCode", c.kind, p.user_id as "userId", c.managed_by as "managedBy", b.lead,
      to_char(lower(b.during), 'YYYY-MM-DD') as from, to_char(upper(b.during) - 1, 'YYYY-MM-DD') as to
    from peer_booking b join peer p on p.id = b.peer_id join peer_challenge c on c.id = b.challenge_id
    where b.id = ${bookingId}`;
  const sharedBy = by ?? booking?.managedBy ?? null;
  if (!booking || booking.userId === null || sharedBy === null) return null;
  const share = await createShare(tx, {
    recordKind: 'peer_challenge',
    recordId: String(booking.challengeId),
    subjectArea: booking.councilCode,
    withOrganisationId: null,
    withUserId: booking.userId,
    reason:
      `Joined the team of the ${booking.kind} peer challenge${booking.lead ? ' as its lead' : ''} for the week on site, ${booking.from} to ${booking.to}: ` +
      "the team reads the challenge's scoping notes, drafts and findings.",
    sharedBy,
  });
  await tx`insert into peer_booking_share (booking_id, share_id) values (${bookingId}, ${share.id})`;
  return share;
}

/** Revokes the share a booking made, when the peer is released, saying why; null where the booking made none. */
export async function unshareReleasedBooking(tx: Db, bookingId: number, by: number | null, reason: string): Promise<Share | null> {
  const [made] = await tx<{ shareId: number; sharedBy: number; managedBy: number | null }[]>`
    select s.id as "shareId", s.shared_by as "sharedBy", c.managed_by as "managedBy"
    from peer_booking_share bs join share s on s.id = bs.share_id join peer_booking b on b.id = bs.booking_id join peer_challenge c on c.id = b.challenge_id
    where bs.booking_id = ${bookingId} and s.revoked_at is null`;
  if (!made) return null;
  return (await revokeShare(tx, made.shareId, by ?? made.managedBy ?? made.sharedBy, `Released from the team: ${reason.trim()}`)) ?? null;
}
