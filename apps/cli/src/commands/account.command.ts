import type { Command } from 'commander';
import { createSettings, parseTraitKey, type AccountSettingsView, type AccountSource, type AccountTraitsChange } from '@coil/settings';
import { parseWorkspaceId } from '@coil/domain';
import { createAccountSourceSync, type AccountSourceSyncResult } from '@coil/scoring-pass';
import type { CliContext } from '../cli-context';
import { printResult, type JsonOption } from '../output';
import { cliArgument } from './profile.command';

interface WorkspaceOption extends JsonOption {
  workspace: string;
}

interface SourceOptions extends WorkspaceOption {
  userTrait?: string;
  groupCalls?: boolean;
}

interface TraitsOptions extends WorkspaceOption {
  nameTrait?: string;
  createdAtTrait?: string;
  clearNameTrait?: boolean;
  clearCreatedAtTrait?: boolean;
}

/** A settings change as printed: the settings as they now are and what the sync changed. */
type AppliedSettings = AccountSettingsView & { readonly sync: AccountSourceSyncResult };

function describeSettings(view: AccountSettingsView): string {
  const source = view.user_trait === null ? 'group calls' : `group calls, and the user trait "${view.user_trait}" for users without one`;
  return [
    `Accounts of workspace ${view.workspace_id} come from ${source}.`,
    `Name trait: ${view.name_trait ?? 'name (default)'}.`,
    `Created-at trait: ${view.created_at_trait ?? 'createdAt (default)'}.`,
  ].join('\n');
}

function describeApplied(applied: AppliedSettings): string {
  const { sync } = applied;
  return `${describeSettings(applied)}\nApplied: ${sync.accounts_created} account(s) created, ${sync.memberships_added} membership(s) added, ${sync.memberships_removed} removed, ${sync.names_updated} name(s) updated.`;
}

/** `source` takes exactly one of --user-trait or --group-calls; anything else is a usage error. */
function accountSource(command: Command, options: SourceOptions): AccountSource {
  if (options.userTrait !== undefined && !options.groupCalls) return { userTrait: options.userTrait };
  if (options.groupCalls && options.userTrait === undefined) return { groupCalls: true };
  return command.error('error: give exactly one of --user-trait or --group-calls');
}

/** `traits` sets or clears at least one trait, and never sets and clears the same one. */
function traitsChange(command: Command, options: TraitsOptions): AccountTraitsChange {
  const nameTrait = oneTrait(command, 'name-trait', options.nameTrait, options.clearNameTrait);
  const createdAtTrait = oneTrait(command, 'created-at-trait', options.createdAtTrait, options.clearCreatedAtTrait);
  if (nameTrait === undefined && createdAtTrait === undefined) {
    return command.error('error: give --name-trait, --created-at-trait or one of their --clear- options');
  }
  return { nameTrait, createdAtTrait };
}

function oneTrait(command: Command, name: string, value: string | undefined, clear: boolean | undefined): string | null | undefined {
  if (value !== undefined && clear) return command.error(`error: give --${name} or --clear-${name}, not both`);
  return clear ? null : value;
}

export function registerAccountCommands(program: Command, context: CliContext): void {
  const account = program.command('account').description('where accounts come from and which traits name and date them');
  const traitKey = (what: string) => cliArgument((raw) => parseTraitKey(raw, what));

  /** A change takes effect at once: the sync the scoring pass runs first is run now. */
  const apply = async (view: AccountSettingsView): Promise<AppliedSettings> => ({
    ...view,
    sync: await createAccountSourceSync(context.pool()).sync(view.workspace_id),
  });

  account
    .command('source')
    .description('make accounts from a user trait (for products without group calls), or from group calls only')
    .requiredOption('--workspace <id>', 'workspace id', cliArgument(parseWorkspaceId))
    .option('--user-trait <key>', "user trait whose value is the tracking id of the user's account", traitKey('user trait'))
    .option('--group-calls', 'accounts from group calls only (removes the user trait)')
    .option('--json', 'print JSON')
    .action(async (options: SourceOptions, command: Command) => {
      const source = accountSource(command, options);
      const view = await createSettings(context.pool()).accounts.setSource(options.workspace, source);
      printResult(options, await apply(view), describeApplied);
    });

  account
    .command('traits')
    .description('the account traits read as the display name and the creation date')
    .requiredOption('--workspace <id>', 'workspace id', cliArgument(parseWorkspaceId))
    .option('--name-trait <key>', 'account trait shown as the name (default: name)', traitKey('name trait'))
    .option('--created-at-trait <key>', 'account trait read as the creation date (default: createdAt)', traitKey('created-at trait'))
    .option('--clear-name-trait', 'go back to the default name trait')
    .option('--clear-created-at-trait', 'go back to the default created-at trait')
    .option('--json', 'print JSON')
    .action(async (options: TraitsOptions, command: Command) => {
      const change = traitsChange(command, options);
      const view = await createSettings(context.pool()).accounts.setTraits(options.workspace, change);
      printResult(options, await apply(view), describeApplied);
    });

  account
    .command('settings')
    .description("show where the workspace's accounts come from and which traits name and date them")
    .requiredOption('--workspace <id>', 'workspace id', cliArgument(parseWorkspaceId))
    .option('--json', 'print JSON')
    .action(async (options: WorkspaceOption) => {
      printResult(options, await createSettings(context.pool()).accounts.show(options.workspace), describeSettings);
    });
}
