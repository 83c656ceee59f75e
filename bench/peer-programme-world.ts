// The made-up programme both peer challenge benches read, loaded by SQL with
// generate_series: 400 councils (40 counties of 9 districts each), one
// corporate challenge a council a year from 2012 to 2026 (its week in the
// year set by the council; closed unless this year's), and each week's due
// items. A challenge is managed by one of the sector body's managers when
// the store has them, by no one otherwise.
import { FIVE_CORE_ELEMENTS } from '../src/domain/peer-challenge/index.ts';
import type { Sql } from '../src/store/store.ts';

export async function seedCouncils(sql: Sql): Promise<void> {
  await sql`insert into area (code, name, type) select 'E98' || lpad(n::text, 6, '0'), 'County ' || n, 'county' from generate_series(1, 40) n`;
  await sql`
    insert into area (code, name, type, county_code)
    select 'E99' || lpad(n::text, 6, '0'), 'District ' || n, 'district', 'E98' || lpad((1 + (n - 1) / 9)::text, 6, '0') from generate_series(1, 360) n`;
}

export async function seedChallenges(sql: Sql): Promise<void> {
  // With no manager in the store, min(id) is null and so is every challenge's manager.
  await sql`
    insert into peer_challenge (area_code, kind, stage, enquired_on, focus_areas, on_site, feedback_on, report_published_on, action_plan_published_on, closed_on, deadline_rules_version, managed_by)
    select a.code, 'corporate', case when y < 2026 then 'closed' else (array['enquiry', 'scoping', 'booked', 'team_confirmed', 'feedback', 'report_final'])[1 + a.id % 6] end,
      week - 120, ${FIVE_CORE_ELEMENTS as unknown as string[]},
      case when y = 2026 and a.id % 6 < 2 then null else daterange(week, week + 4) end,
      case when y < 2026 then week + 3 end, case when y < 2026 then week + 90 end, case when y < 2026 then week + 95 end, case when y < 2026 then week + 330 end, 1,
      (select min(id) from user_account where role = 'peer_challenge_manager') + a.id % 10
    from area a cross join generate_series(2012, 2026) y
    cross join lateral (select make_date(y, 1, 5) + (a.id * 7) % 330 as week) w
    where a.code like 'E9%'`;
  await sql`
    insert into peer_challenge_due (challenge_id, item, due_on, latest_on, rule_version, sentence)
    select c.id, i.item, upper(c.on_site) - 1 + i.months * 30, null, 1, 'made up for the bench'
    from peer_challenge c cross join (values ('report', 3), ('action_plan', 3), ('progress_review', 10), ('progress_review_report', 12)) i(item, months)
    where c.on_site is not null`;
}
