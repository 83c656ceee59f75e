// Which (metric, area, period) keys a file has already given, to reject a
// key given twice as the file streams by. One bit per area for each metric
// and period seen: 4 million observations of 400 areas take about 600 KB,
// where a set of 4 million keys would take hundreds of megabytes.
export class SeenKeys {
  private readonly bits = new Map<number, Uint8Array>();
  private readonly periodIndex = new Map<string, number>();

  /** Records the key; false when it was seen before. */
  add(metricId: number, areaId: number, period: string): boolean {
    let index = this.periodIndex.get(period);
    if (index === undefined) this.periodIndex.set(period, (index = this.periodIndex.size));
    const slot = metricId * 1_048_576 + index; // metric ids are positive or small negative provisional ones
    let bits = this.bits.get(slot);
    const byte = areaId >>> 3;
    if (!bits || bits.length <= byte) {
      const grown = new Uint8Array(Math.max(64, (byte + 1) * 2));
      if (bits) grown.set(bits);
      this.bits.set(slot, (bits = grown));
    }
    const mask = 1 << (areaId & 7);
    if ((bits[byte]! & mask) !== 0) return false;
    bits[byte] = bits[byte]! | mask;
    return true;
  }
}
