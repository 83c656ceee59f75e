/*
 * Contrast: WCAG 2.2's contrast ratio between two sRGB colours written as
 * #rrggbb, from their relative luminance. The palette is held to it: 3:1 for
 * shapes against white (success criterion 1.4.11, non-text contrast) and 4.5:1
 * for text against whatever it is drawn on (1.4.3).
 */
export const SHAPE_CONTRAST = 3;
export const TEXT_CONTRAST = 4.5;

export function relativeLuminance(colour: string): number {
  const match = /^#([0-9a-f]{6})$/i.exec(colour);
  if (match === null) throw new RangeError(`not a #rrggbb colour: ${colour}`);
  const rgb = Number.parseInt(match[1] ?? '', 16);
  const [red, green, blue] = [(rgb >> 16) & 255, (rgb >> 8) & 255, rgb & 255].map(linearChannel) as [number, number, number];
  return 0.2126 * red + 0.7152 * green + 0.0722 * blue;
}

export function contrastRatio(first: string, second: string): number {
  const [lighter, darker] = [relativeLuminance(first), relativeLuminance(second)].sort((a, b) => b - a) as [number, number];
  return (lighter + 0.05) / (darker + 0.05);
}

function linearChannel(channel: number): number {
  const c = channel / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}
