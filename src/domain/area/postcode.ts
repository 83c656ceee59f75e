// Postcodes: Lantern holds no lookup from postcode to council yet, so a query
// shaped like one (DH1 5UQ, or its district DH1) is recognised in order to
// say so plainly, rather than answering that nothing matches.
const FULL = /^[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}$/;
const DISTRICT = /^[A-Z]{1,2}\d[A-Z\d]?$/;

/** 'postcode' for DH1 5UQ, 'district' for DH1, or null for anything else (a GSS code, a name). */
export function postcodeShape(text: string): 'postcode' | 'district' | null {
  const upper = text.trim().toUpperCase();
  if (FULL.test(upper)) return 'postcode';
  return DISTRICT.test(upper) ? 'district' : null;
}
