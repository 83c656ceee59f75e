// Processor time, steadier than the clock on a machine shared with other
// work: this Lantern process's (process.cpuUsage), the embedded
// PostgreSQL's, its postmaster (named in pg/postmaster.pid) and every process
// it started, and this process's children that have ended, read from /proc
// (Linux; 0 where there is no /proc).
import fs from 'node:fs';
import path from 'node:path';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** Seconds of processor time used so far by the embedded server whose data folder this is. */
export function postgresSeconds(dataDir: string): () => number {
  const postmaster = Number(fs.readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
  return () => {
    if (!fs.existsSync('/proc')) return 0;
    let ticks = 0;
    for (const entry of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      let stat: string;
      try {
        stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      } catch {
        continue; // the process ended meanwhile
      }
      const fields = statFields(stat);
      if (Number(entry) === postmaster || Number(fields[1]) === postmaster) ticks += Number(fields[11]) + Number(fields[12]);
    }
    return ticks / TICKS_PER_SECOND;
  };
}

/** Seconds of processor time used by this process's children that have ended (and by theirs, each reaped). */
export function childrenSeconds(): number {
  if (!fs.existsSync('/proc/self/stat')) return 0;
  const fields = statFields(fs.readFileSync('/proc/self/stat', 'utf8'));
  return (Number(fields[13]) + Number(fields[14])) / TICKS_PER_SECOND;
}

/** A /proc stat line's fields after the command's closing parenthesis: state, ppid, …; utime and stime are the 12th and 13th, cutime and cstime the 14th and 15th. */
function statFields(stat: string): string[] {
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

/** Seconds of processor time this process has used so far. */
export function lanternSeconds(): number {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1e6;
}
