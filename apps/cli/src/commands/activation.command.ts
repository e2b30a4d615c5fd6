import type { Command } from 'commander';
import { createSettings, parsePerUser, type ActivationCleared, type ActivationSettings, type ActivationView } from '@coil/settings';
import { parseWorkspaceId } from '@coil/domain';
import type { CliContext } from '../cli-context';
import { printResult, type JsonOption } from '../output';
import { cliArgument } from './profile.command';

interface WorkspaceOption extends JsonOption {
  workspace: string;
}

interface SetOptions extends WorkspaceOption {
  steps: string;
  perUser?: number;
}

function describeChecklist(view: ActivationView): string {
  if (view.steps.length === 0) return `Workspace ${view.workspace_id} has no activation checklist.`;
  const who =
    view.per_user === null ? 'an account when its users together did every step' : `an account when ${view.per_user} of its users are`;
  return `Activation checklist of workspace ${view.workspace_id} (a user is activated when they did every step; ${who}):\n${view.steps
    .map((step, index) => `${index + 1}. ${step.label}`)
    .join('\n')}`;
}

function describeCleared(result: ActivationCleared): string {
  return result.cleared
    ? `Activation checklist of workspace ${result.workspace_id} removed.`
    : `Workspace ${result.workspace_id} had no activation checklist.`;
}

export function registerActivationCommands(program: Command, context: CliContext): void {
  const activation = program.command('activation').description('the activation checklist: steps a user or an account must do');
  const settings = <T>(work: (activation: ActivationSettings) => Promise<T>): Promise<T> => work(createSettings(context.pool()).activation);

  activation
    .command('set')
    .description('set the checklist, e.g. --steps "Report_Created,Invite Sent>=3,feature:Reports"')
    .requiredOption('--workspace <id>', 'workspace id', cliArgument(parseWorkspaceId))
    .requiredOption('--steps <list>', 'comma-separated steps: an event or feature:NAME, each with an optional >=N (default 1)')
    .option('--per-user <n>', 'an account is activated when N of its users are (1..1000)', cliArgument(parsePerUser))
    .option('--json', 'print JSON')
    .action(async (options: SetOptions) => {
      const view = await settings((checklists) => checklists.set(options.workspace, options.steps, { perUser: options.perUser }));
      printResult(options, view, describeChecklist);
    });

  activation
    .command('show')
    .description("show the workspace's activation checklist")
    .requiredOption('--workspace <id>', 'workspace id', cliArgument(parseWorkspaceId))
    .option('--json', 'print JSON')
    .action(async (options: WorkspaceOption) => {
      printResult(options, await settings((checklists) => checklists.show(options.workspace)), describeChecklist);
    });

  activation
    .command('clear')
    .description("remove the workspace's activation checklist")
    .requiredOption('--workspace <id>', 'workspace id', cliArgument(parseWorkspaceId))
    .option('--json', 'print JSON')
    .action(async (options: WorkspaceOption) => {
      printResult(options, await settings((checklists) => checklists.clear(options.workspace)), describeCleared);
    });
}
