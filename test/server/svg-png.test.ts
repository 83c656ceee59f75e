// SVG to PNG: a bar chart becomes a PNG of the asked width, on white, its
// labels drawn in the font from npm whatever fonts the machine has.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as mupdf from 'mupdf';
import { DEFAULT_PNG_WIDTH, svgToPng } from '../../src/server/features/explore/svg-png.ts';
import { barChart } from '../../src/web/charts/bar-chart.ts';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const CHART = barChart({
  id: 'png',
  title: 'Physically active adults',
  description: 'Three councils.',
  unit: '%',
  decimals: 1,
  benchmark: { label: 'England', value: 67.1 },
  bars: [
    { code: 'E1', name: 'Hartlepool', value: 70.2, lower: 68, upper: 72.4, significance: 'better', highlight: null },
    { code: 'E2', name: 'County Durham', value: 64.9, lower: 63, upper: 66.8, significance: 'worse', highlight: 'chosen' },
    { code: 'E3', name: 'Bristol, City of', value: 66.5, lower: 64, upper: 69, significance: 'similar', highlight: 'group' },
  ],
});

/** Width and height from the PNG's IHDR chunk, which always comes first. */
function size(png: Buffer): { width: number; height: number } {
  assert.equal(png.subarray(12, 16).toString('ascii'), 'IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** How many pixels of the PNG are dark (text and the benchmark line are near black, INK). */
function darkPixels(png: Buffer): number {
  const pixmap = new mupdf.Image(png).toPixmap();
  const pixels = pixmap.getPixels();
  const channels = pixmap.getNumberOfComponents() + pixmap.getAlpha();
  let dark = 0;
  for (let i = 0; i < pixels.length; i += channels) if (pixels[i]! + pixels[i + 1]! + pixels[i + 2]! < 3 * 96) dark++;
  return dark;
}

describe('svgToPng', () => {
  it('gives a PNG 1200 pixels wide by default, keeping the chart’s shape', () => {
    const png = svgToPng(CHART);
    assert.deepEqual(png.subarray(0, 8), PNG_SIGNATURE);
    assert.equal(DEFAULT_PNG_WIDTH, 1200);
    assert.deepEqual(size(png), { width: 1200, height: 675 });
  });

  it('gives a PNG of the asked width', () => {
    const png = svgToPng(CHART, { width: 320 });
    assert.deepEqual(png.subarray(0, 8), PNG_SIGNATURE);
    assert.equal(size(png).width, 320);
  });

  it('paints a white background and the chart on it', () => {
    const png = svgToPng(CHART, { width: 64 });
    assert.ok(png.length > 200);
    assert.notDeepEqual(svgToPng(CHART, { width: 64 }), svgToPng(CHART.replace('#ca3535', '#0f385c'), { width: 64 }), 'the bars are drawn');
  });

  it('draws the chart’s text, in the font Lantern brings rather than the machine’s', () => {
    const unlabelled = CHART.replace(/<text\b[^>]*>.*?<\/text>/gs, '');
    assert.ok(unlabelled.length < CHART.length - 100, 'the chart has labels to take away');
    const withText = darkPixels(svgToPng(CHART));
    const withoutText = darkPixels(svgToPng(unlabelled));
    assert.ok(withText > withoutText + 2000, `${withText} dark pixels with the labels, ${withoutText} without`);
    const otherFont = darkPixels(svgToPng(CHART.replace('font-family="Arial, Helvetica, sans-serif"', 'font-family="No Such Font"')));
    assert.equal(otherFont, withText, 'a font the machine may lack is drawn in the same font');
  });

  it('refuses a width that is not a sensible number of pixels', () => {
    assert.throws(() => svgToPng(CHART, { width: 0 }), RangeError);
    assert.throws(() => svgToPng(CHART, { width: Number.NaN }), RangeError);
    assert.throws(() => svgToPng(CHART, { width: 100_000 }), RangeError);
  });

  it('refuses malformed SVG', () => {
    assert.throws(() => svgToPng('<svg xmlns="http://www.w3.org/2000/svg"><rect></svg>'));
  });
});
