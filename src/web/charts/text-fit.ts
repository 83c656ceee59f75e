/*
 * Text fit: how wide a line of Arial is, estimated without a font engine (the
 * server has no browser to measure with), and lines wrapped to a width. The
 * estimate errs wide, so labels placed by it do not run off their chart.
 */
const NARROW = new Set([..."fijlrtI.,:;'!|()[] "]);
const WIDE = new Set([...'mwMW@%']);

/** The estimated width of text at fontSize, in the same units. */
export function textWidth(text: string, fontSize: number): number {
  let ems = 0;
  for (const character of text) {
    if (NARROW.has(character)) ems += 0.3;
    else if (WIDE.has(character)) ems += 0.9;
    else if (character >= 'A' && character <= 'Z') ems += 0.7;
    else ems += 0.57;
  }
  return ems * fontSize;
}

/** Words wrapped into lines no wider than maxWidth; a single word longer than that keeps a line to itself. */
export function wrapText(text: string, maxWidth: number, fontSize: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((part) => part !== '')) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (line !== '' && textWidth(candidate, fontSize) > maxWidth) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}
