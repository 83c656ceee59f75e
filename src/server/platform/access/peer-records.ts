// What the access policy knows of the peer pool and of a challenge's team:
// the one place their rows become the policy's records. A peer's details are
// restricted: read and kept by the peer challenge managers (the policy's
// watchers and stewards of 'peer') and by the peer, whose sign-in is the
// record's author. A challenge is held by the sector body whose manager runs
// it; its council reads it (the subject), and joining its team shares it with
// each peer who signs in; once its report is published it is public.
import { guardedRecord, type GuardedRecord } from '../../../domain/access/index.ts';

export function peerRecord(peer: { readonly userId: number | null }): GuardedRecord {
  return guardedRecord('peer', 'restricted', { author: peer.userId });
}

export interface ChallengeHolding {
  readonly councilCode: string;
  readonly ownerOrganisationId: number | null;
  readonly teamUserIds: readonly number[];
  /** Organisations the challenge is shared with (a referral, a region). */
  readonly sharedWithOrganisations?: readonly number[];
  readonly reportPublishedOn: string | null;
}

export function challengeRecord(held: ChallengeHolding): GuardedRecord {
  return guardedRecord('peer_challenge', held.reportPublishedOn === null ? 'restricted' : 'public', {
    subjectArea: held.councilCode,
    subjectReads: true,
    ownerOrganisation: held.ownerOrganisationId,
    sharedWithUsers: held.teamUserIds,
    sharedWithOrganisations: held.sharedWithOrganisations ?? [],
  });
}
