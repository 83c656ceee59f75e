// County Durham with an improvement case whose outcome is a support package:
// the sector body's advisers (the lead and a colleague), a Panel member of
// the Panel's own organisation, the council's officer, and another council's
// officer. The case and its outcome are inserted straight into the tables of
// migration 027, as the cases feature writes them.
import type { Sql } from '../../../src/store/store.ts';
import type { User } from '../../../src/store/users.ts';
import { organisation, user } from '../../support/access.ts';

export const DURHAM = 'E06000047';
export const HARTLEPOOL = 'E06000001';
export const ACTIVE = 'percentage-of-physically-active-adults';

export interface SupportWorld {
  readonly body: number;
  readonly panelOrg: number;
  readonly lead: User;
  readonly colleague: User;
  readonly panelMember: User;
  readonly officer: User;
  readonly otherOfficer: User;
  readonly caseId: number;
}

export async function supportWorld(sql: Sql, tag = 'support'): Promise<SupportWorld> {
  const body = await organisation(sql, `Sector body (${tag})`, 'sector_body');
  const panelOrg = await organisation(sql, `Performance Support Panel (${tag})`, 'sector_body');
  const council = await organisation(sql, `Durham County Council (${tag})`, 'council', DURHAM);
  const other = await organisation(sql, `Hartlepool Borough Council (${tag})`, 'council', HARTLEPOOL);
  const lead = await user(sql, `lead-${tag}@sector.example`, 'principal_adviser', body.id, 'Ada Lead');
  const colleague = await user(sql, `colleague-${tag}@sector.example`, 'principal_adviser', body.id, 'Colin Colleague');
  const panelMember = await user(sql, `member-${tag}@panel.example`, 'panel_member', panelOrg.id, 'Cllr Pat Member');
  const officer = await user(sql, `officer-${tag}@durham.example`, 'performance_officer', council.id, 'Owen Officer');
  const otherOfficer = await user(sql, `officer-${tag}@hartlepool.example`, 'performance_officer', other.id, 'Hattie Officer');
  const caseId = await openCase(sql, lead.id, body.id, DURHAM);
  await agreeOutcome(sql, caseId, 'support_package');
  return { body: body.id, panelOrg: panelOrg.id, lead, colleague, panelMember, officer, otherOfficer, caseId };
}

export async function openCase(sql: Sql, leadAdviserId: number, organisationId: number, area: string, summary = 'Physical activity has fallen behind neighbours'): Promise<number> {
  const [row] = await sql<{ id: number }[]>`
    insert into improvement_case (area_code, strands, opened_from, lead_adviser_id, owner_organisation_id, summary, stage, opened_by, updated_by)
    values (${area}, ${['corporate']}, 'flags', ${leadAdviserId}, ${organisationId}, ${summary}, 'outcome_agreed', 'test', 'test')
    returning id`;
  return row!.id;
}

export async function agreeOutcome(sql: Sql, caseId: number, outcome: 'support_package' | 'light_touch_support'): Promise<void> {
  await sql`
    insert into case_outcome (case_id, outcome, reason, light_touch, decided_on, recorded_by)
    values (${caseId}, ${outcome}, 'A bigger degree of support is needed', ${outcome === 'light_touch_support' ? 'mentoring' : null}, '2026-01-05', 'test')`;
}

/** Refers the case to the Panel: a share of the case with the Panel's organisation. */
export async function referToPanel(sql: Sql, caseId: number, panelOrg: number, by: number): Promise<void> {
  await sql`
    insert into share (record_kind, record_id, subject_area, with_organisation_id, reason, shared_by)
    values ('improvement_case', ${String(caseId)}, ${DURHAM}, ${panelOrg}, 'For the Panel', ${by})`;
}

/** A package body as the API takes it. */
export function packageBody(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    objectives: ['Raise physical activity to the level of statistical neighbours'],
    providers: [{ name: 'A chief executive mentor', kind: 'mentor' }],
    milestones: [
      { title: 'Activity plan agreed by cabinet', owner: 'Director of Public Health', dueOn: '2026-02-28' },
      { title: 'Leisure partnership in place', owner: 'Chief Executive', dueOn: '2026-06-30' },
    ],
    metrics: [{ metric: ACTIVE, baselinePeriod: '2019/20', baselineValue: 65.5, direction: 'up', byPeriod: '2021/22' }],
    agreedOn: '2026-01-10',
    ...over,
  };
}
