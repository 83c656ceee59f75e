// Checks every chart and map test makes of an SVG string: that it is well
// formed (resvg refuses malformed XML, an unknown entity or a repeated
// attribute), that it is an accessible image named by its own title and
// description, that nothing leaked in as NaN, undefined or a script, and small
// readers of its elements for the tests' geometry checks.
import assert from 'node:assert/strict';
import { Resvg } from '@resvg/resvg-js';

export function assertWellFormed(svg: string): void {
  assert.doesNotThrow(() => new Resvg(svg), 'the SVG parses');
}

export function assertAccessibleSvg(svg: string, id: string): void {
  assertWellFormed(svg);
  assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 \d+(\.\d+)? \d+(\.\d+)?"/, 'a root svg sized by its viewBox');
  const root = svg.slice(0, svg.indexOf('>') + 1);
  assert.match(root, /role="img"/);
  assert.match(root, /font-family="Arial, Helvetica, sans-serif"/);
  assert.ok(root.includes(`aria-labelledby="${id}-title ${id}-desc"`), `aria-labelledby names ${id}-title and ${id}-desc: ${root}`);
  assert.equal(count(svg, `<title id="${id}-title">`), 1, 'one title with the id');
  assert.equal(count(svg, `<desc id="${id}-desc">`), 1, 'one desc with the id');
  assertClean(svg);
}

export function assertClean(svg: string): void {
  for (const leak of ['NaN', 'undefined', 'Infinity', 'null', '[object']) assert.ok(!svg.includes(leak), `no ${leak} in the SVG`);
  assert.ok(!/<script/i.test(svg), 'no script element');
  assert.ok(!/\son[a-z]+=/i.test(svg), 'no event handler attributes');
}

export function count(text: string, part: string): number {
  return text.split(part).length - 1;
}

export interface Element {
  readonly tag: string;
  readonly attributes: Readonly<Record<string, string>>;
  /** The element's own text up to its first child or end, unescaped only of nothing: as written. */
  readonly text: string;
}

/** Every element with this tag, its attributes and the text straight after its start tag. */
export function elements(svg: string, tag: string): Element[] {
  const pattern = new RegExp(`<${tag}((?:\\s+[a-zA-Z:-]+="[^"]*")*)\\s*(/?)>([^<]*)`, 'g');
  return [...svg.matchAll(pattern)].map((match) => ({
    tag,
    attributes: Object.fromEntries([...(match[1] ?? '').matchAll(/([a-zA-Z:-]+)="([^"]*)"/g)].map((pair) => [pair[1] ?? '', pair[2] ?? ''])),
    text: match[2] === '/' ? '' : (match[3] ?? ''),
  }));
}

/** The titles of every element with this tag that holds a <title>, in document order. */
export function titledElements(svg: string, tag: string): { attributes: Readonly<Record<string, string>>; title: string }[] {
  const pattern = new RegExp(`<${tag}((?:\\s+[a-zA-Z:-]+="[^"]*")*)><title>([^<]*)</title></${tag}>`, 'g');
  return [...svg.matchAll(pattern)].map((match) => ({
    attributes: Object.fromEntries([...(match[1] ?? '').matchAll(/([a-zA-Z:-]+)="([^"]*)"/g)].map((pair) => [pair[1] ?? '', pair[2] ?? ''])),
    title: match[2] ?? '',
  }));
}

/** The text of every <text> element. */
export function texts(svg: string): string[] {
  return elements(svg, 'text').map((element) => element.text);
}

export function numberAttribute(element: { attributes: Readonly<Record<string, string>> }, name: string): number {
  const value = Number(element.attributes[name]);
  assert.ok(Number.isFinite(value), `${name} is a number: ${element.attributes[name]}`);
  return value;
}

/** A step is nice when it is 1, 2, 2.5 or 5 times a power of ten. */
export function isNiceStep(step: number): boolean {
  const power = 10 ** Math.floor(Math.log10(step));
  const multiple = Math.round((step / power) * 1000) / 1000;
  return [1, 2, 2.5, 5, 10].includes(multiple);
}
