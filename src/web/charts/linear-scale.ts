/*
 * Linear scale: a value's position along an axis, from a domain of values to a
 * range of viewBox units. Either end may be the larger, so one scale serves
 * upward y axes and the spine chart's reversed, worst-to-best direction. A
 * domain of zero width maps everything to the middle of the range rather than
 * to NaN.
 */
export type Scale = (value: number) => number;

export function linearScale(domain: readonly [number, number], range: readonly [number, number]): Scale {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  if (d1 === d0) return () => (r0 + r1) / 2;
  const slope = (r1 - r0) / (d1 - d0);
  return (value) => r0 + (value - d0) * slope;
}
