/*
 * SVG document: the frame every Lantern chart and map shares. The root <svg>
 * sizes by its viewBox (fluid charts take the width of their container, fixed
 * ones such as sparklines keep their pixel size), is an image to assistive
 * technology (role="img") named and described by its own <title> and <desc>,
 * whose ids are made from the caller's id so that several charts on one page
 * never collide, and sets the font (no web fonts) and the ink once for all
 * its text. No script is ever written into a chart.
 */
import { escapeXml } from './escape-xml.ts';
import { INK } from './palette.ts';

export const FONT_FAMILY = 'Arial, Helvetica, sans-serif';
/** Text size at the default width; nothing is drawn smaller than SMALL_TEXT. */
export const TEXT_SIZE = 14;
export const SMALL_TEXT = 12;

export interface SvgDocument {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly width: number;
  readonly height: number;
  readonly body: string;
  /** fluid: 100% of the container's width; fixed: width and height in pixels. */
  readonly size: 'fluid' | 'fixed';
  readonly className: string;
}

export function svgDocument(document: SvgDocument): string {
  const id = elementId(document.id);
  const size = document.size === 'fluid' ? 'width="100%"' : `width="${document.width}" height="${document.height}"`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${document.width} ${document.height}" ${size}` +
    ` class="${escapeXml(document.className)}" role="img" aria-labelledby="${id}-title ${id}-desc"` +
    ` font-family="${FONT_FAMILY}" font-size="${TEXT_SIZE}" fill="${INK}">` +
    `<title id="${id}-title">${escapeXml(document.title)}</title>` +
    `<desc id="${id}-desc">${escapeXml(document.description)}</desc>` +
    `${document.body}</svg>`
  );
}

/** A chart with nothing to draw: the same frame, saying "No data" where the chart would be. */
export function noDataDocument(document: Omit<SvgDocument, 'body'>): string {
  const sentence = document.description === '' ? 'No data.' : `${document.description} No data.`;
  const fontSize = document.height < 40 ? SMALL_TEXT : TEXT_SIZE;
  const body = `<text x="${document.width / 2}" y="${Math.round(document.height / 2 + fontSize * 0.35)}" text-anchor="middle"` + ` font-size="${fontSize}">No data</text>`;
  return svgDocument({ ...document, description: sentence, body });
}

/** The caller's id as a valid, unique-per-chart XML id: letters, digits, '-' and '_', starting with a letter. */
export function elementId(id: string): string {
  const cleaned = id.replace(/[^A-Za-z0-9_-]/g, '-');
  return /^[A-Za-z]/.test(cleaned) ? cleaned : `chart-${cleaned}`;
}
