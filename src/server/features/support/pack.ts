// The Panel's pack for one reader: the meeting as they may read it (items
// taken in private left out for those they are not open to), each case's
// summary, stage, outcome and package with its milestones and metrics'
// progress from the benchmark index, the decisions and the action monitor.
// Every copy printed is audited as an export, saying how many items in
// private it holds.
import type { BenchmarkIndex } from '../../../domain/benchmark/benchmark-index.ts';
import { panelPackHtml, type PackItem, type PanelPackView } from '../../../reports/panel-pack.ts';
import type { PdfPrinter } from '../../../reports/pdf.ts';
import type { Sql } from '../../../store/store.ts';
import { packagesOf, type CaseHeld } from '../../../store/support-packages.ts';
import type { RequestAccess } from '../../platform/access/index.ts';
import { metricLines } from './package-progress.ts';
import { readMeeting } from './panel.ts';

const words = (text: string | null) => (text === null ? 'not yet agreed' : text.replaceAll('_', ' '));

export async function panelPack(sql: Sql, access: RequestAccess, index: BenchmarkIndex, printer: PdfPrinter, idText: unknown): Promise<{ pdf: Buffer; view: PanelPackView }> {
  const read = await readMeeting(sql, access, idText);
  const items: PackItem[] = [];
  for (const item of read.agenda) {
    const held = item.caseId === null ? undefined : read.helds.get(item.caseId);
    items.push({
      position: item.position,
      title: item.title,
      kind: item.kind,
      confidential: item.confidential,
      case: held ? await caseSection(sql, index, held) : null,
      decisions: read.decisions.filter((d) => d.agendaItemId === item.id).map((d) => d.decision),
    });
  }
  const view: PanelPackView = {
    title: read.meeting.title,
    heldOn: read.meeting.heldOn,
    printedOn: new Date(access.now).toISOString().slice(0, 10),
    printedFor: access.actor.actor,
    items,
    actions: read.actions.map((a) => ({ action: a.action, actionBy: a.actionBy, dueOn: a.dueOn, progress: a.progress, doneOn: a.doneOn, carried: a.carriedFrom !== null })),
    withheld: read.withheld,
  };
  const pdf = await printer.print(panelPackHtml(view), `${view.title}, ${view.heldOn}`);
  await access.audit(
    sql,
    'export',
    'panel_meeting',
    String(read.meeting.id),
    `printed the Panel pack: ${items.length} items (${items.filter((i) => i.confidential).length} in private), ${read.withheld} left out`,
  );
  return { pdf, view };
}

async function caseSection(sql: Sql, index: BenchmarkIndex, held: CaseHeld): Promise<PackItem['case']> {
  const [pkg] = await packagesOf(sql, held.caseId);
  const today = new Date().toISOString().slice(0, 10);
  return {
    areaName: held.areaName,
    summary: held.summary,
    stage: words(held.stage),
    outcome: words(held.outcome),
    package: pkg
      ? {
          objectives: pkg.objectives,
          providers: pkg.providers.map((p) => `${p.name} (${words(p.kind)})`),
          agreedOn: pkg.agreedOn,
          status: pkg.status,
          milestones: pkg.milestones.map((m) => ({ title: m.title, owner: m.ownerName, dueOn: m.dueOn, metOn: m.metOn, overdue: m.metOn === null && m.dueOn < today })),
          metrics: metricLines(index, held.areaCode, pkg).map((l) => ({ title: l.title, label: l.label, sentence: l.sentence })),
        }
      : null,
  };
}
