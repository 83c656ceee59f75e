import { renderHomePage, type Holdings } from '../web/home-page.ts';
import type { Sql } from '../store/store.ts';

export async function homePage(sql: Sql): Promise<string> {
  const [holdings] = await sql<Holdings[]>`
    select (select count(*) from area)::int as areas, (select count(*) from metric)::int as metrics,
      (select count(*) from observation)::int as observations, (select count(*) from import_batch)::int as batches`;
  return renderHomePage(holdings!);
}
