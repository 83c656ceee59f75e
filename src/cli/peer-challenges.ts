// `lantern peer-challenges apply-rules FILE [--dry-run]`: a new version of the
// peer challenge deadline rules, applied to every open challenge through the
// feature's own use-case as the person at the console (audited as
// `cli:<login>`). It lists each due date that moves, appears or goes, with
// its sentence; with --dry-run it lists them and changes nothing. A file
// that cannot be read, is not JSON or breaks a rule stops the command with
// every problem, each naming the file, the line and the field; nothing is
// applied.
//
// `lantern peer-challenges hold-history --kind KIND --from DAY --source TEXT
// CODE...`: declares that the programme holds every challenge of a kind of
// these councils from a day on (imported, or known complete), so that the
// cadence rule judges them from then; a council whose history is not held
// is never called overdue.
import fs from 'node:fs';
import type { Command } from 'commander';
import type { Config } from '../config.ts';
import type { Store } from '../store/store.ts';
import { asConsole, CommandError } from './users.ts';

type WithStore = <T>(config: Config, role: string, work: (store: Store) => Promise<T>) => Promise<T>;
type Print = (line: string) => void;

export function registerPeerChallengeCommands(cli: Command, config: () => Config, withStore: WithStore, out: Print): void {
  const challenges = cli.command('peer-challenges').description('the peer challenge programme: its deadline rules, and whose history it holds');
  challenges
    .command('apply-rules')
    .description("apply a new version of the deadline rules (JSON, as the domain's DEADLINE_RULES) to every open challenge, listing each due date it moves")
    .argument('<file>', 'the rules: version, from, items, cadence and source')
    .option('--dry-run', 'list what would move, changing nothing', false)
    .action((file: string, options: { dryRun: boolean }) =>
      withStore(config(), 'peer-challenges', async (store) => {
        let text: string;
        try {
          text = fs.readFileSync(file, 'utf8');
        } catch (error) {
          throw new CommandError(`${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
        }
        const { applyRulesFile } = await import('../server/features/peer-challenges/deadline-rules.ts');
        const done = await asConsole(store, {}, (sql, access) => applyRulesFile(sql, access, { name: file, text }, options.dryRun));
        const challenges = new Set(done.moves.map((m) => m.challengeId)).size;
        out(
          `${done.dryRun ? 'would apply' : 'applied'} deadline rules version ${done.rules.version} (from ${done.rules.from}) in place of version ${done.before}: ` +
            `${done.moves.length} due ${done.moves.length === 1 ? 'date moves' : 'dates move'} on ${challenges} open ${challenges === 1 ? 'challenge' : 'challenges'}`,
        );
        for (const move of done.moves) out(`  challenge ${move.challengeId}, ${move.council}: ${move.sentence}`);
        if (done.dryRun) out('dry run: nothing was changed');
      }),
    );
  challenges
    .command('hold-history')
    .description('declare that the programme holds every challenge of a kind of these councils from a day on, so the cadence rule judges them from then')
    .argument('<councils...>', "the councils' codes")
    .requiredOption('--kind <kind>', 'corporate, safeguarding, adults or childrens')
    .requiredOption('--from <day>', 'the day (YYYY-MM-DD) from which every challenge of the kind is on record')
    .requiredOption('--source <text>', 'where the record comes from, or how it is known complete')
    .action((councils: string[], options: { kind: string; from: string; source: string }) =>
      withStore(config(), 'peer-challenges', async (store) => {
        const { declareHistory } = await import('../server/features/peer-challenges/programme.ts');
        const done = await asConsole(store, { kind: '--kind', from: '--from', source: '--source', councils: 'COUNCILS' }, (sql, access) => declareHistory(sql, access, { councils, ...options }));
        out(
          `the programme holds ${done.councils.length === 1 ? "1 council's" : `${done.councils.length} councils'`} ${options.kind} peer challenges from ${options.from}: ${done.councils.join(', ')}`,
        );
      }),
    );
}
