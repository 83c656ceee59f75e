// The Performance Support Panel's agenda, drafted from the cases (issue 19,
// build item 7): the Panel gives "political oversight" and challenges
// officers "about the effectiveness of the support" (seed 004), so it hears
// first what it asked for last time (the action monitor, "Action by" and
// progress), then each package new since its last meeting, each milestone
// overdue, each metric not moved at its by-period (or moved the wrong way),
// and each case ready to close. Items about a case the adviser marked for
// private session are confidential: taken in private, left out of the pack
// for those who may not read them.
import type { MetricProgressVerdict } from './metric-progress.ts';

export const AGENDA_KINDS = ['new_package', 'overdue_milestone', 'unmoved_metric', 'proposed_closure', 'action_monitor', 'other'] as const;
export type AgendaKind = (typeof AGENDA_KINDS)[number];

/** What the agenda reads of one case with a package. */
export interface PackageOnCase {
  readonly caseId: number;
  readonly areaName: string;
  readonly packageId: number;
  readonly agreedOn: string;
  readonly status: 'active' | 'completed' | 'withdrawn';
  readonly milestones: readonly { readonly title: string; readonly dueOn: string; readonly metOn: string | null }[];
  readonly metrics: readonly { readonly title: string; readonly verdict: MetricProgressVerdict; readonly due: boolean }[];
}

export interface AgendaDraftItem {
  readonly kind: AgendaKind;
  readonly caseId: number | null;
  readonly title: string;
  readonly confidential: boolean;
}

export interface AgendaInput {
  /** The day of this meeting (ISO date): milestones due before it and not met are overdue. */
  readonly heldOn: string;
  /** The day of the Panel's last meeting before this one, if any: packages agreed after it are new. */
  readonly lastHeldOn: string | null;
  readonly packages: readonly PackageOnCase[];
  /** Actions of the last meeting not yet done, carried to this one. */
  readonly openActions: number;
  readonly confidentialCases: ReadonlySet<number>;
}

/** The items, in the order the Panel takes them. */
export function draftAgenda(input: AgendaInput): AgendaDraftItem[] {
  const items: AgendaDraftItem[] = [];
  if (input.openActions > 0 && input.lastHeldOn !== null) {
    items.push({
      kind: 'action_monitor',
      caseId: null,
      title: `Action monitor: ${input.openActions} ${input.openActions === 1 ? 'action' : 'actions'} from the meeting of ${input.lastHeldOn}`,
      confidential: false,
    });
  }
  const active = input.packages.filter((p) => p.status === 'active');
  const about = (p: PackageOnCase, kind: AgendaKind, title: string): AgendaDraftItem => ({
    kind,
    caseId: p.caseId,
    title: `${p.areaName}: ${title}`,
    confidential: input.confidentialCases.has(p.caseId),
  });
  for (const p of active) {
    if (input.lastHeldOn === null || p.agreedOn > input.lastHeldOn) items.push(about(p, 'new_package', `new support package agreed on ${p.agreedOn}`));
  }
  for (const p of active) {
    const overdue = p.milestones.filter((m) => m.metOn === null && m.dueOn < input.heldOn);
    if (overdue.length > 0)
      items.push(about(p, 'overdue_milestone', `${overdue.length} overdue ${overdue.length === 1 ? 'milestone' : 'milestones'}: ${overdue.map((m) => `${m.title} (due ${m.dueOn})`).join('; ')}`));
  }
  for (const p of active) {
    const stuck = p.metrics.filter((m) => m.verdict === 'moved_wrong_way' || (m.verdict === 'unmoved' && m.due));
    if (stuck.length > 0)
      items.push(about(p, 'unmoved_metric', `${stuck.map((m) => `${m.title} ${m.verdict === 'moved_wrong_way' ? 'moved the wrong way' : 'not moved by its by-period'}`).join('; ')}`));
  }
  for (const p of active) {
    if (readyToClose(p)) items.push(about(p, 'proposed_closure', 'proposed closure as improved: every milestone met and every metric moved'));
  }
  return items;
}

/** Every milestone met and every metric moved: the evidence "improved" needs. */
export function readyToClose(p: Pick<PackageOnCase, 'milestones' | 'metrics'>): boolean {
  return p.milestones.length > 0 && p.metrics.length > 0 && p.milestones.every((m) => m.metOn !== null) && p.metrics.every((m) => m.verdict === 'moved');
}
