import type { Command } from 'commander';
import type { CreatedWorkspace, WorkspaceSummary } from '@coil/workspaces';
import type { CliContext } from '../cli-context';
import { printResult, type JsonOption } from '../output';

function describeCreated(created: CreatedWorkspace): string {
  return [
    `Workspace ${created.workspace_id} created.`,
    `Ingest API key: ${created.api_key}`,
    `Read API token: ${created.api_token}`,
    'Store them now: they are not shown again.',
  ].join('\n');
}

function describeList(workspaces: WorkspaceSummary[]): string {
  if (workspaces.length === 0) return 'No workspaces.';
  return workspaces
    .map(
      (workspace) =>
        `${workspace.workspace_id}\t${workspace.name}\t${workspace.active_ingest_keys} key(s)\t` +
        `${workspace.active_read_tokens} token(s)\tcreated ${workspace.created_at}`,
    )
    .join('\n');
}

export function registerWorkspaceCommands(program: Command, context: CliContext): void {
  const workspace = program.command('workspace').description('create and list workspaces');

  workspace
    .command('create')
    .description('create a workspace with its first ingest key and read token')
    .requiredOption('--name <name>', 'workspace name')
    .option('--json', 'print JSON')
    .action(async (options: JsonOption & { name: string }) => {
      printResult(options, await context.workspaceAdmin().createWorkspace(options.name), describeCreated);
    });

  workspace
    .command('list')
    .description('list workspaces')
    .option('--json', 'print JSON')
    .action(async (options: JsonOption) => {
      printResult(options, await context.workspaceAdmin().listWorkspaces(), describeList);
    });
}
