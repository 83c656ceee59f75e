/*
 * Escape XML: text and attribute values made safe to place inside an SVG (or
 * HTML) document. Area names come from public registers and users' own files,
 * so "Bristol, City of" and "<script>" alike must come out as characters,
 * never as markup. Characters XML 1.0 forbids outright (most C0 controls, lone
 * surrogates, U+FFFE/U+FFFF) are dropped, since no escape can carry them and a
 * single one would make the whole chart unreadable to an XML parser.
 */
const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function escapeXml(text: string): string {
  return text.replace(FORBIDDEN, '').replace(/[&<>"']/g, (character) => ENTITIES[character] ?? character);
}
