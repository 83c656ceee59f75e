// A stamp of every agreement and target as they stand: it changes whenever
// one does (a sign-off, a target added, changed or retired). Pages kept
// until the index changes that also list targets are kept under it too, so
// that a sign-off or a withdrawal shows on them at once.
import type { Db } from './store.ts';

export async function agreementsStamp(sql: Db): Promise<string> {
  const [row] = await sql<{ stamp: string }[]>`
    select concat((select max(updated_at) from agreement), '/', (select max(updated_at) from target), '/',
      (select count(*) from target where retired_at is null)) as stamp`;
  return row!.stamp;
}
