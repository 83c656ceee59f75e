/*
 * What a publisher says about a metric beyond its definition: how it is
 * worked out, what to bear in mind, where it is published, when these
 * figures were published and when the next are expected. Each is absent
 * where the publisher does not say: a page then says nothing of it, rather
 * than "unknown".
 */
export interface MetricAbout {
  readonly method?: string;
  readonly caveats?: string;
  /** The publisher's page for the figures: an http or https address. */
  readonly sourceUrl?: string;
  /** When these figures were published: an ISO date, 2026-05-06. */
  readonly publishedOn?: string;
  /** When the next figures are expected: an ISO date. */
  readonly nextUpdate?: string;
}

/** The fields as a mapping or a metadata file names them, and the property each fills. */
export const ABOUT_FIELDS = { method: 'method', caveats: 'caveats', source_url: 'sourceUrl', published_on: 'publishedOn', next_update: 'nextUpdate' } as const;
export type AboutField = keyof typeof ABOUT_FIELDS;

export function isAboutField(key: string): key is AboutField {
  return Object.hasOwn(ABOUT_FIELDS, key);
}

/**
 * One field read from a publisher's text, or why it does not read. Dates are
 * read as 2026-05-06 or as the publishers write them, 06/05/2026 (day first);
 * where a cell gives several dates (ONS writes '23/10/2025|23/10/2025'), the
 * latest is the figures' publication.
 */
export function aboutFieldFromText(field: AboutField, text: string): { readonly value: string } | { readonly problem: string } {
  const trimmed = text.trim();
  if (field === 'source_url') {
    return /^https?:\/\/[^\s]+$/.test(trimmed) ? { value: trimmed } : { problem: `is '${trimmed}', which is not a web address: give one starting https://` };
  }
  if (field === 'published_on' || field === 'next_update') {
    const dates = trimmed.split('|').map(isoDate);
    if (dates.some((d) => d === undefined)) return { problem: `is '${trimmed}', which is not a date: write it as 2026-05-06 or 06/05/2026` };
    return { value: (dates as string[]).sort().at(-1)! };
  }
  return { value: trimmed };
}

function isoDate(text: string): string | undefined {
  const cell = text.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(cell);
  const british = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(cell);
  const [year, month, day] = iso ? [iso[1]!, iso[2]!, iso[3]!] : british ? [british[3]!, british[2]!.padStart(2, '0'), british[1]!.padStart(2, '0')] : [];
  if (year === undefined) return undefined;
  const date = new Date(`${year}-${month}-${day}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(`${year}-${month}-${day}`) ? `${year}-${month}-${day}` : undefined;
}

/**
 * The definition as a page shows it: none where it only repeats the title
 * (some publishers give the title again as its description).
 */
export function definitionBeyondTitle(title: string, definition: string | null): string | null {
  if (definition === null) return null;
  const plain = (text: string) =>
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
  return definition.trim() === '' || plain(definition) === plain(title) ? null : definition;
}
