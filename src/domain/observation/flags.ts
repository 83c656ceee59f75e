// Flags a publisher puts on a value. Stored as a bit set so that millions of
// observations carry them in two bytes.
export const OBSERVATION_FLAGS = ['provisional', 'revised', 'suppressed', 'estimated'] as const;
export type ObservationFlag = (typeof OBSERVATION_FLAGS)[number];

export function isObservationFlag(text: string): text is ObservationFlag {
  return (OBSERVATION_FLAGS as readonly string[]).includes(text);
}

export function encodeFlags(flags: Iterable<ObservationFlag>): number {
  let bits = 0;
  for (const flag of flags) bits |= 1 << OBSERVATION_FLAGS.indexOf(flag);
  return bits;
}

export function decodeFlags(bits: number): ObservationFlag[] {
  return OBSERVATION_FLAGS.filter((_, index) => (bits & (1 << index)) !== 0);
}

export const SUPPRESSED = encodeFlags(['suppressed']);
