import type { Command } from 'commander';
import { createSettings, type TraitTypeCheck, type TraitTypeSettings, type TraitTypeView } from '@coil/settings';
import { parseWorkspaceId } from '@coil/domain';
import { TRAIT_DATA_TYPES } from '@coil/scoring';
import type { CliContext } from '../cli-context';
import { printResult, type JsonOption } from '../output';
import { cliArgument } from './profile.command';

interface WorkspaceOption extends JsonOption {
  workspace: string;
}

function describeSet(set: TraitTypeView & { workspace_id: string }): string {
  return `Trait "${set.key}" of workspace ${set.workspace_id} is compared as ${set.type}.`;
}

function describeList(types: TraitTypeView[]): string {
  return types.length === 0
    ? 'No typed traits: every trait compares as a string.'
    : types.map((entry) => `${entry.key}\t${entry.type}`).join('\n');
}

function describeCheck(check: TraitTypeCheck): string {
  if (check.problems.length === 0) return `Every value of the ${check.typed_keys} typed trait(s) parses.`;
  return check.problems
    .map((problem) => {
      const samples = problem.samples.map((sample) => JSON.stringify(sample)).join(', ');
      return `${problem.key} (${problem.type}): ${problem.count} ${problem.subject}(s) with values that do not parse, e.g. ${samples}`;
    })
    .join('\n');
}

export function registerTraitCommands(program: Command, context: CliContext): void {
  const settings = <T>(work: (traitTypes: TraitTypeSettings) => Promise<T>): Promise<T> => work(createSettings(context.pool()).traitTypes);
  const trait = program.command('trait').description('traits of users and accounts');
  const type = trait.command('type').description('the data type rules and filters compare a trait key by');

  type
    .command('set')
    .description(`set the data type of a trait key (${TRAIT_DATA_TYPES.join(', ')}; string is the default)`)
    .requiredOption('--workspace <id>', 'workspace id', cliArgument(parseWorkspaceId))
    .requiredOption('--key <key>', 'trait key, e.g. mrr')
    .requiredOption('--type <type>', TRAIT_DATA_TYPES.join(' | '))
    .option('--json', 'print JSON')
    .action(async (options: WorkspaceOption & { key: string; type: string }) => {
      printResult(options, await settings((traitTypes) => traitTypes.set(options.workspace, options.key, options.type)), describeSet);
    });

  type
    .command('list')
    .description('list the typed trait keys of a workspace')
    .requiredOption('--workspace <id>', 'workspace id', cliArgument(parseWorkspaceId))
    .option('--json', 'print JSON')
    .action(async (options: WorkspaceOption) => {
      printResult(options, await settings((traitTypes) => traitTypes.list(options.workspace)), describeList);
    });

  trait
    .command('types')
    .description('check the values of typed trait keys')
    .command('check')
    .description('list, per typed key, the values users and accounts hold that do not parse as its type')
    .requiredOption('--workspace <id>', 'workspace id', cliArgument(parseWorkspaceId))
    .option('--json', 'print JSON')
    .action(async (options: WorkspaceOption) => {
      printResult(options, await settings((traitTypes) => traitTypes.check(options.workspace)), describeCheck);
    });
}
