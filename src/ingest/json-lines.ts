// JSON read with the line of every value, so that a refusal of a field in a
// file can say where it is ("rules.json, line 12: 'items[1].months' …"):
// JSON.parse gives neither, and on Node 20 not even where a syntax error
// is. A small reader of RFC 8259 JSON that gives the value as JSON.parse
// would, the line each value starts on by its path (`items[1].months`; ''
// for the whole), and for a syntax error its line and column.

export class JsonSyntaxError extends Error {
  constructor(
    readonly line: number,
    readonly column: number,
    message: string,
  ) {
    super(`line ${line}, column ${column}: ${message}`);
  }
}

export interface JsonWithLines {
  readonly value: unknown;
  /** The line a value starts on, by its path; the nearest enclosing value's for a path not in the file (a missing field). */
  lineOf(path: string): number;
}

export function parseJsonWithLines(text: string): JsonWithLines {
  const lines = new Map<string, number>();
  let at = 0;
  let line = 1;
  let lineStart = 0;
  const fail = (message: string): never => {
    throw new JsonSyntaxError(line, at - lineStart + 1, message);
  };
  const space = () => {
    for (;;) {
      const c = text[at];
      if (c === '\n') {
        line++;
        lineStart = ++at;
      } else if (c === ' ' || c === '\t' || c === '\r') at++;
      else return;
    }
  };
  const expect = (c: string) => {
    if (text[at] !== c) fail(at >= text.length ? `the file ends where ${JSON.stringify(c)} was expected` : `${JSON.stringify(c)} was expected, not ${JSON.stringify(text[at])}`);
    at++;
  };
  const string = (): string => {
    const from = at;
    expect('"');
    for (;;) {
      const c = text[at];
      if (c === undefined || c === '\n') fail('a string is not closed on its line');
      if (c === '\\') at += 2;
      else if (c === '"') break;
      else at++;
    }
    at++;
    try {
      return JSON.parse(text.slice(from, at)) as string;
    } catch {
      return fail('a string holds an escape JSON does not have');
    }
  };
  const value = (path: string): unknown => {
    space();
    lines.set(path, line);
    const c = text[at];
    if (c === '{') {
      at++;
      const found: Record<string, unknown> = {};
      space();
      if (text[at] === '}') return (at++, found);
      for (;;) {
        space();
        const key = string();
        space();
        expect(':');
        found[key] = value(path === '' ? key : `${path}.${key}`);
        space();
        if (text[at] === ',') at++;
        else return (expect('}'), found);
      }
    }
    if (c === '[') {
      at++;
      const found: unknown[] = [];
      space();
      if (text[at] === ']') return (at++, found);
      for (;;) {
        found.push(value(`${path}[${found.length}]`));
        space();
        if (text[at] === ',') at++;
        else return (expect(']'), found);
      }
    }
    if (c === '"') return string();
    const word = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(at, at + 400))?.[0];
    if (!word) return fail(c === undefined ? 'the file ends where a value was expected' : `a value was expected, not ${JSON.stringify(c)}`);
    at += word.length;
    return JSON.parse(word) as unknown;
  };
  if (text.charCodeAt(0) === 0xfeff) at = lineStart = 1;
  const parsed = value('');
  space();
  if (at < text.length) fail(`nothing may follow the value, but ${JSON.stringify(text[at])} does`);
  return {
    value: parsed,
    lineOf(path) {
      for (let p = path; ;) {
        const found = lines.get(p);
        if (found !== undefined) return found;
        if (p === '') return 1;
        const shorter = p.replace(/(?:\.[^.[\]]*|\[\d+\])$/, '');
        p = shorter === p ? '' : shorter;
      }
    },
  };
}
