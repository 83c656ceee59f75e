// `lantern support providers list|set|remove`: which Lantern organisation answers
// for each provider of the support offer (data/support-offer/offers.json),
// through the support offer's own use-cases, acting as the person at the
// console (audited as `cli:<login>`). An unknown provider or organisation
// stops the command with the message, naming the argument; so does removing
// the organisation of a provider no organisation answers for.
import type { Command } from 'commander';
import type { Config } from '../config.ts';
import type { Store } from '../store/store.ts';
import { asConsole } from './users.ts';

type WithStore = <T>(config: Config, role: string, work: (store: Store) => Promise<T>) => Promise<T>;
type Print = (line: string) => void;

const PROVIDER_ARGUMENTS: Readonly<Record<string, string>> = { provider: '<provider>', organisation: '<organisation>' };

export function registerSupportCommands(cli: Command, config: () => Config, withStore: WithStore, out: Print, table: (rows: readonly object[], columns: readonly string[]) => void): void {
  const support = cli.command('support').description('the support offer: which organisation answers for each provider');
  const providers = support.command('providers').description("list the offer's providers, or name or remove the organisation that answers for one");
  providers
    .command('list')
    .description('each provider of the offer and the organisation that answers for it (none: it takes no requests through Lantern)')
    .action(() =>
      withStore(config(), 'support', async (store) => {
        const { listProviders } = await import('../server/features/support-offer/providers.ts');
        table(
          (await listProviders(store.sql)).map((p) => ({ ...p, organisation: p.organisationName === null ? '(none)' : `${p.organisationName} (${p.organisationId})` })),
          ['providerId', 'providerName', 'organisation'],
        );
      }),
    );
  providers
    .command('set')
    .description('name the organisation (a sector body or regional partnership) whose staff answer requests to a provider')
    .argument('<provider>', "the provider's id in the offer (see lantern support providers list)")
    .argument('<organisation>', "the organisation's id or name (see lantern organisations list)")
    .action((provider: string, organisation: string) =>
      withStore(config(), 'support', async (store) => {
        const { mapProvider } = await import('../server/features/support-offer/providers.ts');
        const done = await asConsole(store, PROVIDER_ARGUMENTS, (sql, access) => mapProvider(sql, access, { provider, organisation }));
        out(`${done.mapping.organisationName} now answers for ${done.mapping.providerName}`);
        if (done.before) out(`${done.before.name} answered before; the requests already made stay with it${done.before.openRequests > 0 ? ` (${done.before.openRequests} still open)` : ''}`);
      }),
    );
  providers
    .command('remove')
    .description('stop the organisation that answers for a provider doing so: the provider takes no requests through Lantern until one is named again')
    .argument('<provider>', "the provider's id (see lantern support providers list)")
    .action((provider: string) =>
      withStore(config(), 'support', async (store) => {
        const { unmapProvider } = await import('../server/features/support-offer/providers.ts');
        const done = await asConsole(store, PROVIDER_ARGUMENTS, (sql, access) => unmapProvider(sql, access, { provider }));
        out(`${done.removed.name} no longer answers for ${done.providerName}; it takes no requests through Lantern until an organisation is named`);
        if (done.removed.openRequests > 0) out(`${done.removed.openRequests} open requests stay with ${done.removed.name}`);
      }),
    );
}
