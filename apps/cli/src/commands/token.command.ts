import type { Command } from 'commander';
import type { IssuedReadToken, RevokedCredential } from '@coil/workspaces';
import type { CliContext } from '../cli-context';
import { printResult, type JsonOption } from '../output';
import { exactlyOneRef } from './credential-ref';

interface WorkspaceOption extends JsonOption {
  workspace: string;
}

function describeIssued(issued: IssuedReadToken): string {
  return [
    `Read token ${issued.id} created for workspace ${issued.workspace_id}: ${issued.api_token}`,
    'Store it now: it is not shown again.',
  ].join('\n');
}

function describeRevoked(revoked: RevokedCredential): string {
  const { id, prefix, workspace_id, revoked_at } = revoked;
  return `Read token ${id} (${prefix}...) of workspace ${workspace_id} revoked at ${revoked_at}.`;
}

export function registerTokenCommands(program: Command, context: CliContext): void {
  const token = program.command('token').description('read API tokens of a workspace');

  token
    .command('create')
    .description('issue another read token (for rotation)')
    .requiredOption('--workspace <id>', 'workspace id')
    .option('--json', 'print JSON')
    .action(async (options: WorkspaceOption) => {
      printResult(options, await context.workspaceAdmin().createToken(options.workspace), describeIssued);
    });

  token
    .command('revoke')
    .description('revoke a read token by id or by the token itself')
    .requiredOption('--workspace <id>', 'workspace id')
    .option('--token <token>', 'the full read token')
    .option('--id <id>', 'the token id')
    .option('--json', 'print JSON')
    .action(async (options: WorkspaceOption & { token?: string; id?: string }, command: Command) => {
      const ref = exactlyOneRef(command, options.id, options.token, '--token');
      const target = 'id' in ref ? ref : { token: ref.secret };
      printResult(options, await context.workspaceAdmin().revokeToken(options.workspace, target), describeRevoked);
    });
}
