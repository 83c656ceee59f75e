/*
 * Coordinate: how every number in Lantern's SVG geometry is written, to one
 * decimal place of a viewBox unit (a tenth of a pixel at the default size,
 * finer than a screen shows) and without trailing zeros or a -0, so that
 * charts with hundreds of shapes stay light.
 */
export function coordinate(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return String(rounded === 0 ? 0 : rounded);
}
