// The Panel's pack: a meeting's agenda and papers as one document printed to
// PDF through the reports path (the same headless Chromium, the same print
// stylesheet): for each item, the case's summary, stage and outcome, its
// package with milestones and each metric's progress in words; the
// decisions; and the action monitor with "Action by" and progress. The pack
// holds only what its reader may read: items taken in private are left out
// by the caller for those they are not open to, and the pack says how many.
import { render } from '../web/render.ts';
import { stylesheet } from '../web/stylesheets.ts';

export interface PackMilestone {
  readonly title: string;
  readonly owner: string;
  readonly dueOn: string;
  readonly metOn: string | null;
  readonly overdue: boolean;
}

export interface PackMetric {
  readonly title: string;
  readonly label: string;
  readonly sentence: string;
}

export interface PackCase {
  readonly areaName: string;
  readonly summary: string;
  readonly stage: string;
  readonly outcome: string;
  readonly package: {
    readonly objectives: readonly string[];
    readonly providers: readonly string[];
    readonly agreedOn: string;
    readonly status: string;
    readonly milestones: readonly PackMilestone[];
    readonly metrics: readonly PackMetric[];
  } | null;
}

export interface PackItem {
  readonly position: number;
  readonly title: string;
  readonly kind: string;
  readonly confidential: boolean;
  readonly case: PackCase | null;
  readonly decisions: readonly string[];
}

export interface PackAction {
  readonly action: string;
  readonly actionBy: string;
  readonly dueOn: string;
  readonly progress: string | null;
  readonly doneOn: string | null;
  readonly carried: boolean;
}

export interface PanelPackView {
  readonly title: string;
  readonly heldOn: string;
  readonly printedOn: string;
  readonly printedFor: string;
  readonly items: readonly PackItem[];
  readonly actions: readonly PackAction[];
  /** Items taken in private that this reader's copy leaves out. */
  readonly withheld: number;
}

export function panelPackHtml(view: PanelPackView): string {
  return render('support/pack.njk', { pack: view, css: stylesheet('print') });
}
