import { InvalidArgumentError, Option, type Command } from 'commander';
import { createSettings, type ProfileView } from '@coil/settings';
import { parseWorkspaceId } from '@coil/domain';
import type { NormalizationMethod, WindowDays } from '@coil/scoring';
import type { CliContext } from '../cli-context';
import { printResult, type JsonOption } from '../output';

/** Turns a @coil/settings parser into an option parser, so a bad value is a usage error. */
export function cliArgument<T>(parse: (raw: string) => T): (raw: string) => T {
  return (raw) => {
    try {
      return parse(raw);
    } catch (error) {
      throw new InvalidArgumentError(error instanceof Error ? error.message : String(error));
    }
  };
}

interface ProfileOptions extends JsonOption {
  workspace: string;
  name?: string;
  window?: string;
  filter?: string;
  normalization?: NormalizationMethod;
  default?: boolean;
}

function describeProfile(profile: ProfileView): string {
  const filter = profile.filter === null ? 'no filter' : `filter ${profile.filter}`;
  const role = profile.is_default ? ' (default)' : '';
  return `Profile ${profile.id} "${profile.name}"${role} of workspace ${profile.workspace_id}: ${profile.window_days}-day window, ${filter}, ${profile.normalization} normalisation.`;
}

export function registerProfileCommands(program: Command, context: CliContext): void {
  const profile = program.command('profile').description('scoring profiles of a workspace');

  profile
    .command('set')
    .description('create or change a scoring profile (the default one when --name is omitted)')
    .requiredOption('--workspace <id>', 'workspace id', cliArgument(parseWorkspaceId))
    .option('--name <name>', 'profile name (default: the default profile)')
    .addOption(new Option('--window <days>', 'engagement time frame in days').choices(['1', '7', '30']))
    .option('--filter <expr>', "trait filter, e.g. 'plan = paid' ('' removes it)")
    .addOption(new Option('--normalization <method>', 'score normalisation').choices(['exponential', 'winsorized']))
    .option('--default', 'make this the default profile')
    .option('--json', 'print JSON')
    .action(async (options: ProfileOptions) => {
      const change = {
        workspaceId: options.workspace,
        name: options.name,
        windowDays: options.window === undefined ? undefined : (Number(options.window) as WindowDays),
        filter: options.filter,
        normalization: options.normalization,
        makeDefault: options.default,
      };
      const saved = await createSettings(context.pool()).profiles.set(change);
      printResult(options, saved, describeProfile);
    });
}
