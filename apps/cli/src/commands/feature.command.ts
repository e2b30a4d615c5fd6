import type { Command } from 'commander';
import { createSettings, parseWeight, type FeatureSetResult, type FeatureView } from '@coil/settings';
import { parseWorkspaceId } from '@coil/domain';
import type { CliContext } from '../cli-context';
import { printResult, type JsonOption } from '../output';
import { cliArgument } from './profile.command';

interface WorkspaceOption extends JsonOption {
  workspace: string;
}

interface FeatureOptions extends WorkspaceOption {
  name: string;
  events: string;
  weight: number;
  move?: boolean;
}

function describeSet(feature: FeatureSetResult): string {
  const moved = feature.moved.map((entry) => `\nMoved "${entry.event}" from feature "${entry.from}".`).join('');
  return `Feature "${feature.name}" (weight ${feature.weight}): ${feature.events.join(', ')}.${moved}`;
}

function describeList(features: FeatureView[]): string {
  if (features.length === 0) return 'No features.';
  return features.map((feature) => `${feature.id}\t${feature.name}\tweight ${feature.weight}\t${feature.events.join(',')}`).join('\n');
}

export function registerFeatureCommands(program: Command, context: CliContext): void {
  const feature = program.command('feature').description('features: named groups of events with one weight');

  feature
    .command('set')
    .description('create a feature or replace its events and weight')
    .requiredOption('--workspace <id>', 'workspace id', cliArgument(parseWorkspaceId))
    .requiredOption('--name <name>', 'feature name')
    .requiredOption('--events <list>', 'comma-separated event names')
    .requiredOption('--weight <1..10>', 'weight of each of its events', cliArgument(parseWeight))
    .option('--move', 'take listed events from the features they belong to now')
    .option('--json', 'print JSON')
    .action(async (options: FeatureOptions) => {
      const change = {
        workspaceId: options.workspace,
        name: options.name,
        events: options.events,
        weight: options.weight,
        move: options.move,
      };
      const saved = await createSettings(context.pool()).features.set(change);
      printResult(options, saved, describeSet);
    });

  feature
    .command('list')
    .description('list the features of a workspace')
    .requiredOption('--workspace <id>', 'workspace id', cliArgument(parseWorkspaceId))
    .option('--json', 'print JSON')
    .action(async (options: WorkspaceOption) => {
      const features = await createSettings(context.pool()).features.list(options.workspace);
      printResult(options, features, describeList);
    });
}
