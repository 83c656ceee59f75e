// "Giving and taking" (001): councils' peers "join peer support and review
// exercises and respond positively if they're asked to lend their
// expertise". Per council, the peer days its peers gave beside the
// challenges it received and the days spent on them, up to today; for any
// signed-in reader, since it names no peer and no finding.
import { londonDay } from '../../../domain/format/index.ts';
import { peerDays, type CouncilPeerDays } from '../../../store/peer-pool.ts';
import type { Sql } from '../../../store/store.ts';
import type { RequestAccess } from '../../platform/access/index.ts';

export interface GivingAndTaking {
  readonly asOf: string;
  readonly councils: readonly CouncilPeerDays[];
  readonly totals: { readonly daysGiven: number; readonly challengesReceived: number; readonly daysReceived: number };
}

export async function givingAndTaking(sql: Sql, access: RequestAccess): Promise<GivingAndTaking> {
  const asOf = londonDay(new Date(access.now));
  const councils = await peerDays(sql, asOf);
  const totals = councils.reduce(
    (sum, c) => ({ daysGiven: sum.daysGiven + c.daysGiven, challengesReceived: sum.challengesReceived + c.challengesReceived, daysReceived: sum.daysReceived + c.daysReceived }),
    { daysGiven: 0, challengesReceived: 0, daysReceived: 0 },
  );
  return { asOf, councils, totals };
}
