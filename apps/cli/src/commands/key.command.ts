import type { Command } from 'commander';
import type { IssuedIngestKey, RevokedCredential } from '@coil/workspaces';
import type { CliContext } from '../cli-context';
import { printResult, type JsonOption } from '../output';
import { exactlyOneRef } from './credential-ref';

interface WorkspaceOption extends JsonOption {
  workspace: string;
}

function describeIssued(issued: IssuedIngestKey): string {
  return [
    `Ingest key ${issued.id} created for workspace ${issued.workspace_id}: ${issued.api_key}`,
    'Store it now: it is not shown again.',
  ].join('\n');
}

function describeRevoked(revoked: RevokedCredential): string {
  const { id, prefix, workspace_id, revoked_at } = revoked;
  return `Ingest key ${id} (${prefix}...) of workspace ${workspace_id} revoked at ${revoked_at}.`;
}

export function registerKeyCommands(program: Command, context: CliContext): void {
  const key = program.command('key').description('ingest API keys of a workspace');

  key
    .command('create')
    .description('issue another ingest key (for rotation)')
    .requiredOption('--workspace <id>', 'workspace id')
    .option('--json', 'print JSON')
    .action(async (options: WorkspaceOption) => {
      printResult(options, await context.workspaceAdmin().createKey(options.workspace), describeIssued);
    });

  key
    .command('revoke')
    .description('revoke an ingest key by id or by the key itself')
    .requiredOption('--workspace <id>', 'workspace id')
    .option('--key <key>', 'the full ingest key')
    .option('--id <id>', 'the key id')
    .option('--json', 'print JSON')
    .action(async (options: WorkspaceOption & { key?: string; id?: string }, command: Command) => {
      const ref = exactlyOneRef(command, options.id, options.key, '--key');
      const target = 'id' in ref ? ref : { key: ref.secret };
      printResult(options, await context.workspaceAdmin().revokeKey(options.workspace, target), describeRevoked);
    });
}
