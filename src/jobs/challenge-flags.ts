// Early warning's flag for a council without a peer challenge for longer
// than the deadline rules allow, stored. The rule reads the peer challenge
// programme's records and the rules in force, not the benchmark index, so it
// is not worked out after a batch: once a minute each server reads a stamp of
// what the rule reads (cadenceStamp) and, when it moved or the day turned
// since this server last looked, works every council's flags out again and
// brings the store's to them. Two servers doing so at once take turns under
// the flags' lock and store the same flags.
import { fingerprintOf, flagSentence, noPeerChallengeFlags, RULES } from '../domain/early-warning/index.ts';
import { cadenceRecords, cadenceStamp, syncUnmeteredFlags, type UnmeteredFlagLine, type UnmeteredSync } from '../store/challenge-flags.ts';
import { deadlineRulesNow } from '../store/peer-deadline-rules.ts';
import type { Db, Sql } from '../store/store.ts';
import type { JobDefinition, JobQueue } from './job-runner.ts';

export const CHALLENGE_FLAGS: JobQueue = { queue: 'challenge-flags', every: '* * * * *', expireInSeconds: 120, retryLimit: 1, retryDelaySeconds: 30, pollSeconds: 30 };

/** London's day of an instant, as the programme's dates are written. */
function londonDay(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'Europe/London' }).format(at);
}

export function challengeFlagsJob(sql: Sql, options: { readonly clock?: () => Date; readonly log: (line: string) => void }): JobDefinition {
  const clock = options.clock ?? (() => new Date());
  let seen = '';
  return {
    ...CHALLENGE_FLAGS,
    async run() {
      const at = clock();
      const now = `${await cadenceStamp(sql)} ${londonDay(at)}`;
      if (now === seen) return;
      const kept = await storeChallengeFlags(sql, at);
      seen = now;
      if (kept.raised + kept.changed + kept.cleared > 0) {
        options.log(`Lantern: early-warning flags of peer challenges overdue: ${kept.raised} raised, ${kept.changed} changed, ${kept.cleared} cleared`);
      }
    },
  };
}

/** Works out every council's flags for a peer challenge overdue on `at`'s day, under the rules in force, and brings the store's to them. */
export function storeChallengeFlags(sql: Sql, at = new Date()): Promise<UnmeteredSync> {
  return syncUnmeteredFlags(sql, RULES.no_peer_challenge.id, (tx) => challengeFlagLines(tx, londonDay(at)), at);
}

/**
 * The flags the rule finds on `today`, as the store keeps them, each with its
 * sentence. A council is judged only where the programme holds its history
 * of challenges of the kind (declared, or from its first enquiry of the
 * kind): "no record held" is not "no challenge", so a Lantern holding no
 * challenge and no declaration flags no council.
 */
export async function challengeFlagLines(tx: Db, today: string): Promise<UnmeteredFlagLine[]> {
  const [{ councils, challenges, held }, rules] = await Promise.all([cadenceRecords(tx), deadlineRulesNow(tx)]);
  return noPeerChallengeFlags(councils, challenges, held, today, rules).map((flag) => ({
    area: flag.area,
    ruleVersion: flag.version,
    subject: String(flag.values.kind),
    period: flag.period,
    figures: flag.values,
    sentence: flagSentence(flag, null),
    fingerprint: fingerprintOf(flag),
  }));
}
