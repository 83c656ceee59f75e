// The action monitor (seed 004's minutes: "Decisions and actions", "Action
// by"): each action of a Panel meeting, with who acts and by when, and its
// progress as last reported. An action not done is carried to the next
// meeting with its progress, and the carried copy names the one it carries,
// so the chain back to the meeting that first asked can be read.
export interface MonitoredAction {
  readonly id: number;
  readonly action: string;
  readonly actionBy: string;
  readonly ownerUserId: number | null;
  readonly dueOn: string;
  readonly progress: string | null;
  readonly doneOn: string | null;
  readonly carriedFrom: number | null;
}

/** The actions to carry to the next meeting: those not done, and not carried already. */
export function carriedActions(last: readonly MonitoredAction[], alreadyCarried: ReadonlySet<number>): MonitoredAction[] {
  return last.filter((a) => a.doneOn === null && !alreadyCarried.has(a.id));
}
