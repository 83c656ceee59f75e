// Reading path data back into points, for the map tests: the compact relative
// commands the maps write (m, l, z, implicit lines, numbers run together).
export type Ring = [number, number][];

export function decodePath(d: string): Ring[] {
  const tokens = d.match(/[mlzMLZ]|-?(?:\d+\.?\d*|\.\d+)/g) ?? [];
  const rings: Ring[] = [];
  let [x, y, startX, startY] = [0, 0, 0, 0];
  let command = '';
  let pending: number[] = [];
  for (const token of tokens) {
    if (/^[mlzMLZ]$/.test(token)) {
      if (token === 'z' || token === 'Z') [x, y] = [startX, startY];
      command = token;
      continue;
    }
    pending.push(Number(token));
    if (pending.length < 2) continue;
    const [dx, dy] = pending as [number, number];
    pending = [];
    const absolute = command === 'M' || command === 'L';
    [x, y] = absolute ? [dx, dy] : [round(x + dx), round(y + dy)];
    if (command === 'm' || command === 'M') {
      rings.push([[x, y]]);
      [startX, startY] = [x, y];
      command = command === 'm' ? 'l' : 'L';
    } else {
      rings[rings.length - 1]?.push([x, y]);
    }
  }
  return rings;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
