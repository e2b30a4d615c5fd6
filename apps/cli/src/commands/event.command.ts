import type { Command } from 'commander';
import { createSettings, parseWeight, type EventWeightView } from '@coil/settings';
import { parseWorkspaceId } from '@coil/domain';
import type { CliContext } from '../cli-context';
import { printResult, type JsonOption } from '../output';
import { cliArgument } from './profile.command';

interface EventWeightOptions extends JsonOption {
  workspace: string;
  event: string;
  weight: number;
  profile?: string;
}

function describeWeight(view: EventWeightView): string {
  return `Event "${view.event}" weighs ${view.weight} in profile "${view.profile}" of workspace ${view.workspace_id}.`;
}

export function registerEventCommands(program: Command, context: CliContext): void {
  const event = program.command('event').description('direct event weights of a scoring profile');

  event
    .command('weight')
    .description("weight one event directly (wins over its feature's weight)")
    .requiredOption('--workspace <id>', 'workspace id', cliArgument(parseWorkspaceId))
    .requiredOption('--event <name>', 'event name')
    .requiredOption('--weight <1..10>', 'weight', cliArgument(parseWeight))
    .option('--profile <name>', 'profile name (default: the default profile)')
    .option('--json', 'print JSON')
    .action(async (options: EventWeightOptions) => {
      const change = { workspaceId: options.workspace, event: options.event, weight: options.weight, profile: options.profile };
      const saved = await createSettings(context.pool()).eventWeights.set(change);
      printResult(options, saved, describeWeight);
    });
}
