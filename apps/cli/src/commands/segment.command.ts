import type { Command } from 'commander';
import { createSettings, type SegmentSettings, type SegmentView } from '@coil/settings';
import { parseWorkspaceId } from '@coil/domain';
import type { CliContext } from '../cli-context';
import { printResult, type JsonOption } from '../output';
import { cliArgument } from './profile.command';

interface WorkspaceOption extends JsonOption {
  workspace: string;
}

function describeSegment(segment: SegmentView): string {
  return `${segment.id}\t${segment.name}\t${segment.rule}\t${segment.members} account(s)${segment.builtin ? '\tsuggested' : ''}`;
}

function describeList(segments: SegmentView[]): string {
  return segments.length === 0 ? 'No segments.' : segments.map(describeSegment).join('\n');
}

/** `delete` takes exactly one of --name or --id; anything else is a usage error. */
function segmentRef(command: Command, options: { name?: string; id?: string }): { name: string } | { id: string } {
  if (options.name !== undefined && options.id === undefined) return { name: options.name };
  if (options.id !== undefined && options.name === undefined) return { id: options.id };
  return command.error('error: give exactly one of --name or --id');
}

export function registerSegmentCommands(program: Command, context: CliContext): void {
  const segment = program.command('segment').description('account segments: rules over metrics and traits');
  const settings = <T>(work: (segments: SegmentSettings) => Promise<T>): Promise<T> => work(createSettings(context.pool()).segments);

  segment
    .command('create')
    .description("create a segment, e.g. --rule 'engagement_score >= 80' or 'trial_end < now + 7d'")
    .requiredOption('--workspace <id>', 'workspace id', cliArgument(parseWorkspaceId))
    .requiredOption('--name <name>', 'segment name')
    .requiredOption('--rule <expr>', 'rule over metrics and account traits')
    .option('--json', 'print JSON')
    .action(async (options: WorkspaceOption & { name: string; rule: string }) => {
      printResult(options, await settings((segments) => segments.create(options.workspace, options.name, options.rule)), describeSegment);
    });

  segment
    .command('list')
    .description('list the segments of a workspace with their current member counts (a new workspace starts with the suggested ones)')
    .requiredOption('--workspace <id>', 'workspace id', cliArgument(parseWorkspaceId))
    .option('--json', 'print JSON')
    .action(async (options: WorkspaceOption) => {
      printResult(options, await settings((segments) => segments.list(options.workspace)), describeList);
    });

  segment
    .command('delete')
    .description('delete a segment and its membership history')
    .requiredOption('--workspace <id>', 'workspace id', cliArgument(parseWorkspaceId))
    .option('--name <name>', 'segment name')
    .option('--id <id>', 'segment id')
    .option('--json', 'print JSON')
    .action(async (options: WorkspaceOption & { name?: string; id?: string }, command: Command) => {
      const ref = segmentRef(command, options);
      printResult(options, await settings((segments) => segments.delete(options.workspace, ref)), describeSegment);
    });
}
