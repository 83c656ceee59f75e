// A day of the calendar as Lantern writes one: YYYY-MM-DD, and a day that
// was or will be (2026-02-30 is not). Such days compare as text. One rule
// for every form, file and API that takes a day.

/** Whether `text` is a day of the calendar written YYYY-MM-DD. */
export function isIsoDay(text: unknown): text is string {
  if (typeof text !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const time = Date.parse(`${text}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().startsWith(text);
}
