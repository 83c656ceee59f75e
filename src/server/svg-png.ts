/*
 * SVG to PNG: a chart or map as a picture, for downloads and documents that
 * cannot hold SVG. Rendered by resvg (no browser), fitted to the asked width
 * (1200 pixels by default, sharp enough to print at A4 width) on a white
 * background, with the machine's own fonts: the charts ask for Arial,
 * Helvetica or sans-serif, and Liberation Sans, metrically the same as Arial,
 * stands in where Arial is not installed.
 */
import { Resvg } from '@resvg/resvg-js';

export const DEFAULT_PNG_WIDTH = 1200;

export function svgToPng(svg: string, options: { width?: number } = {}): Buffer {
  const width = Math.round(options.width ?? DEFAULT_PNG_WIDTH);
  if (!(width >= 1 && width <= 10_000)) throw new RangeError(`a PNG width must be 1 to 10,000 pixels, not ${String(options.width)}`);
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: width },
    background: '#ffffff',
    font: { loadSystemFonts: true, defaultFontFamily: 'Liberation Sans', sansSerifFamily: 'Liberation Sans' },
  });
  return resvg.render().asPng();
}
