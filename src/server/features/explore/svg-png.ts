/*
 * SVG to PNG: a chart or map as a picture, for downloads and documents that
 * cannot hold SVG. Rendered by resvg (no browser), fitted to the asked width
 * (1200 pixels by default, sharp enough to print at A4 width) on a white
 * background. The charts ask for Arial, Helvetica or sans-serif; resvg is
 * given Arimo, metrically the same as Arial, from an npm package, and never
 * the machine's own fonts, so that every machine, one with no fonts at all
 * included, draws the same text.
 */
import { Resvg } from '@resvg/resvg-js';
import { CHART_FONT_FAMILY, CHART_FONT_FILES } from '../../../web/charts/chart-font.ts';

export const DEFAULT_PNG_WIDTH = 1200;

export function svgToPng(svg: string, options: { width?: number } = {}): Buffer {
  const width = Math.round(options.width ?? DEFAULT_PNG_WIDTH);
  if (!(width >= 1 && width <= 10_000)) throw new RangeError(`a PNG width must be 1 to 10,000 pixels, not ${String(options.width)}`);
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: width },
    background: '#ffffff',
    font: { loadSystemFonts: false, fontFiles: [...CHART_FONT_FILES], defaultFontFamily: CHART_FONT_FAMILY, sansSerifFamily: CHART_FONT_FAMILY },
  });
  return resvg.render().asPng();
}
