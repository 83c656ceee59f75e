// A peer challenge's data pack, printed at scoping through the reports path
// (the one headless Chromium, the print stylesheet): for each focus area,
// the council's metrics at their latest period against its nearest
// neighbours (rank, the neighbours' average) and England, with which way
// each is heading. The figures are formatted by the caller from the
// benchmark engine, as the pages format them.
import { render } from '../web/render.ts';
import { stylesheet } from '../web/stylesheets.ts';

export interface DataPackLine {
  readonly title: string;
  readonly period: string;
  readonly value: string;
  readonly rank: string;
  readonly neighboursMean: string;
  readonly england: string;
  readonly englandSource: string;
  readonly direction: string;
}

export interface DataPackSection {
  readonly focusArea: string;
  readonly lines: readonly DataPackLine[];
}

export interface DataPackView {
  readonly councilName: string;
  readonly kind: string;
  readonly onSite: string;
  readonly printedOn: string;
  readonly printedFor: string;
  readonly neighbours: string;
  readonly sections: readonly DataPackSection[];
  readonly rulesSource: string;
}

export function dataPackHtml(view: DataPackView): string {
  return render('peer-challenges/data-pack.njk', { pack: view, css: stylesheet('print') });
}
