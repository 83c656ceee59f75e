// A history about County Durham for the timeline's tests, on the access
// tests' world: a flag raised and cleared, three items of intelligence (one
// public, one restricted and shared with the council, one confidential and
// never shared), a case the council asked for, closed as explained, an open
// improvement case with its outcome, a Best Value Notice,
// a referral to the regional partnership and two decisions of the Panel (one
// taken in private); and, for the id-guessing probes, a flag and a case about
// Hartlepool.
import assert from 'node:assert/strict';
import { DURHAM, HARTLEPOOL, authorItem, type World } from './access/world.ts';

export interface TimelineHistory {
  readonly publicItem: number;
  readonly sharedItem: number;
  readonly secretItem: number;
  readonly durhamCase: number;
  readonly hartlepoolCase: number;
  readonly meeting: number;
}

export async function seedTimeline(world: World): Promise<TimelineHistory> {
  const sql = world.store.sql;
  const publicItem = (await authorItem(world, 'public', { title: 'Budget consultation published' })).id;
  const sharedItem = (await authorItem(world, 'restricted', { title: 'Reserves falling fast' })).id;
  const secretItem = (await authorItem(world, 'confidential', { title: 'Leader and chief executive at odds', cause: 'relationships', riskFactor: undefined })).id;
  const shared = await world.browsers.author.json('POST', `/api/intelligence/${sharedItem}/shares`, {
    organisationId: world.organisations.durham.id,
    reason: 'The council should see what we have noted about its reserves',
  });
  assert.equal(shared.status, 201, await shared.text());

  await sql`
    insert into flag (area_code, rule, rule_version, metric_code, period, figures, sentence, fingerprint, raised_at, changed_at, cleared_at) values
      (${DURHAM}, 'worse_and_worsening', 1, 'obesity', '2022/23', '{}', 'Adults classified as obese: 31.2%, worse than its neighbours and getting worse.', 'd1',
        '2026-01-10T09:00:00Z', '2026-01-10T09:00:00Z', '2026-03-02T09:00:00Z'),
      (${HARTLEPOOL}, 'worse_and_worsening', 1, 'obesity', '2022/23', '{}', 'Hartlepool: adults classified as obese, 33.9%, worse than its neighbours.', 'h1',
        '2026-01-11T09:00:00Z', '2026-01-11T09:00:00Z', null)`;
  const openCase = async (area: string, summary: string) => {
    const [row] = await sql<{ id: number }[]>`
      insert into improvement_case (area_code, strands, opened_from, lead_adviser_id, owner_organisation_id, summary, opened_by, updated_by, opened_at)
      values (${area}, '{corporate}', 'flags', ${world.users.author.id}, ${world.organisations.sectorBody.id}, ${summary}, 'Alex Author', 'Alex Author', '2026-02-01T10:00:00Z')
      returning id`;
    return row!.id;
  };
  await sql`
    insert into improvement_case (area_code, strands, opened_from, stage, lead_adviser_id, owner_organisation_id, summary, opened_by, updated_by, opened_at,
      council_request, closure, closure_reason, closed_on)
    values (${DURHAM}, '{adults}', 'council_request', 'closed', ${world.users.author.id}, ${world.organisations.sectorBody.id}, 'Adult social care waiting lists',
      'Alex Author', 'Alex Author', '2025-06-02T10:00:00Z', 'We would like a second view of our waiting lists', 'explained', 'Waiting lists were counted twice in the return', '2025-09-30')`;
  const durhamCase = await openCase(DURHAM, 'Reserves and adult obesity, worse and worsening');
  const hartlepoolCase = await openCase(HARTLEPOOL, 'Hartlepool case about its children’s services');
  await sql`
    insert into case_outcome (case_id, outcome, reason, review_on, decided_on, recorded_by)
    values (${durhamCase}, 'steps_in_place', 'A recovery plan agreed by cabinet', '2026-06-01', '2026-02-20', 'Alex Author')`;
  await sql`
    insert into case_event (case_id, kind, description, starts_on, ends_on, recorded_by)
    values (${durhamCase}, 'best_value_notice', 'Financial management falls short of the Best Value duty', '2026-02-25', '2026-08-24', 'Alex Author')`;
  await sql`
    insert into case_note (case_id, classification, body, author_id)
    values (${durhamCase}, 'confidential', 'The chief executive expects to resign in March.', ${world.users.author.id})`;
  await sql`
    insert into share (record_kind, record_id, subject_area, with_organisation_id, reason, shared_by, shared_at)
    values ('improvement_case', ${String(durhamCase)}, ${DURHAM}, ${world.organisations.region.id}, 'Referred to the region for peer support', ${world.users.author.id}, '2026-02-22T10:00:00Z')`;
  const [meeting] = await sql<{ id: number }[]>`
    insert into panel_meeting (owner_organisation_id, held_on, title, created_by) values (${world.organisations.panel.id}, '2026-03-10', 'Panel, March 2026', 'Panel clerk')
    returning id`;
  const agenda = await sql<{ id: number }[]>`
    insert into panel_agenda_item (meeting_id, position, kind, case_id, title, confidential) values
      (${meeting!.id}, 1, 'new_package', ${durhamCase}, 'Durham: support package', false),
      (${meeting!.id}, 2, 'other', ${durhamCase}, 'Durham: staffing', true)
    returning id`;
  await sql`
    insert into panel_decision (meeting_id, agenda_item_id, decision, recorded_by, recorded_at) values
      (${meeting!.id}, ${agenda[0]!.id}, 'The package is agreed for six months.', 'Panel clerk', '2026-03-10T12:00:00Z'),
      (${meeting!.id}, ${agenda[1]!.id}, 'The interim chief executive is to be mentored.', 'Panel clerk', '2026-03-10T12:30:00Z')`;
  return { publicItem, sharedItem, secretItem, durhamCase, hartlepoolCase, meeting: meeting!.id };
}
