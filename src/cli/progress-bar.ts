// A one-line progress bar on standard error, for imports that take more than
// a second, and only on a terminal (never in logs or pipes).
const WIDTH = 30;
const QUIET_MS = 1000;
const EVERY_MS = 100;

export interface ProgressBar {
  update(bytes: number, rows: number, phase: 'reading' | 'merging'): void;
  done(): void;
}

export function progressBar(label: string, totalBytes: number, stream: NodeJS.WriteStream = process.stderr): ProgressBar {
  const started = Date.now();
  let drawnAt = 0;
  let drawn = false;
  if (!stream.isTTY) return { update() {}, done() {} };
  return {
    update(bytes, rows, phase) {
      const now = Date.now();
      if (phase === 'merging') {
        if (!drawn) return;
        stream.write(`\r\x1b[K${label}: ${rows.toLocaleString('en-GB')} rows read; merging them into the store…`);
        return;
      }
      if (now - started < QUIET_MS || now - drawnAt < EVERY_MS) return;
      drawnAt = now;
      drawn = true;
      const share = totalBytes > 0 ? Math.min(1, bytes / totalBytes) : 0;
      const filled = Math.round(share * WIDTH);
      const seconds = (now - started) / 1000;
      const rate = Math.round(rows / seconds);
      const left = share > 0 ? Math.round(seconds / share - seconds) : 0;
      stream.write(
        `\r${label} [${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${Math.round(share * 100)}%  ` +
          `${rows.toLocaleString('en-GB')} rows  ${rate.toLocaleString('en-GB')} rows/s  ${left}s left `,
      );
    },
    done() {
      if (drawn) stream.write('\r\x1b[K');
    },
  };
}
