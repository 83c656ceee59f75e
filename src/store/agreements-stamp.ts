// A stamp of every agreement as it stands: it changes whenever one does (a
// sign-off, a refresh) and whenever any of its targets does, since every
// change to a target touches its agreement (a new revision). Pages kept
// until the index changes that also list targets are kept under it too, so
// that a sign-off or a withdrawal shows on them at once. It reads the
// agreements alone (hundreds of rows), not their targets (tens of
// thousands), as it is asked on every request for those pages.
import type { Db } from './store.ts';

export async function agreementsStamp(sql: Db): Promise<string> {
  const [row] = await sql<{ stamp: string }[]>`
    select concat(count(*), '/', sum(revision), '/', max(updated_at)) as stamp from agreement`;
  return row!.stamp;
}
