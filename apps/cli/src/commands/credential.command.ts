import type { Command } from 'commander';
import type { IssuedIngestKey, IssuedReadToken, RevokedCredential, WorkspaceAdmin } from '@coil/workspaces';
import type { CliContext } from '../cli-context';
import { printResult, type JsonOption } from '../output';

type SecretRef = { id: string } | { secret: string };

/** What tells `coil key` from `coil token`: their words and which admin calls they make. */
interface CredentialCommands<I extends { workspace_id: string; id: string }> {
  /** The group's name, also the flag of the full secret (`--key`, `--token`). */
  name: 'key' | 'token';
  description: string;
  noun: string;
  article: 'a' | 'an';
  create(admin: WorkspaceAdmin, workspaceId: string): Promise<I>;
  secretOf(issued: I): string;
  revoke(admin: WorkspaceAdmin, workspaceId: string, ref: SecretRef): Promise<RevokedCredential>;
}

const INGEST_KEYS: CredentialCommands<IssuedIngestKey> = {
  name: 'key',
  description: 'ingest API keys of a workspace',
  noun: 'ingest key',
  article: 'an',
  create: (admin, workspaceId) => admin.createKey(workspaceId),
  secretOf: (issued) => issued.api_key,
  revoke: (admin, workspaceId, ref) => admin.revokeKey(workspaceId, 'id' in ref ? ref : { key: ref.secret }),
};

const READ_TOKENS: CredentialCommands<IssuedReadToken> = {
  name: 'token',
  description: 'read API tokens of a workspace',
  noun: 'read token',
  article: 'a',
  create: (admin, workspaceId) => admin.createToken(workspaceId),
  secretOf: (issued) => issued.api_token,
  revoke: (admin, workspaceId, ref) => admin.revokeToken(workspaceId, 'id' in ref ? ref : { token: ref.secret }),
};

interface WorkspaceOption extends JsonOption {
  workspace: string;
}

/** `revoke` takes exactly one of --id or the full secret; anything else is a usage error. */
function exactlyOneRef(command: Command, id: string | undefined, secret: string | undefined, secretFlag: string): SecretRef {
  if (id !== undefined && secret === undefined) return { id };
  if (secret !== undefined && id === undefined) return { secret };
  return command.error(`error: give exactly one of --id or ${secretFlag}`);
}

function registerGroup<I extends { workspace_id: string; id: string }>(
  program: Command,
  context: CliContext,
  kind: CredentialCommands<I>,
): void {
  const { name, noun, article } = kind;
  const title = noun[0].toUpperCase() + noun.slice(1);
  const group = program.command(name).description(kind.description);

  group
    .command('create')
    .description(`issue another ${noun} (for rotation)`)
    .requiredOption('--workspace <id>', 'workspace id')
    .option('--json', 'print JSON')
    .action(async (options: WorkspaceOption) => {
      printResult(options, await kind.create(context.workspaceAdmin(), options.workspace), (issued) =>
        [
          `${title} ${issued.id} created for workspace ${issued.workspace_id}: ${kind.secretOf(issued)}`,
          'Store it now: it is not shown again.',
        ].join('\n'),
      );
    });

  group
    .command('revoke')
    .description(`revoke ${article} ${noun} by id or by the ${name} itself`)
    .requiredOption('--workspace <id>', 'workspace id')
    .option(`--${name} <${name}>`, `the full ${noun}`)
    .option('--id <id>', `the ${name} id`)
    .option('--json', 'print JSON')
    .action(async (options: WorkspaceOption & Partial<Record<'id' | 'key' | 'token', string>>, command: Command) => {
      const ref = exactlyOneRef(command, options.id, options[name], `--${name}`);
      printResult(options, await kind.revoke(context.workspaceAdmin(), options.workspace, ref), (revoked) => {
        const { id, prefix, workspace_id, revoked_at } = revoked;
        return `${title} ${id} (${prefix}...) of workspace ${workspace_id} revoked at ${revoked_at}.`;
      });
    });
}

/** `coil key` and `coil token`: the same commands over ingest keys and over read tokens. */
export function registerCredentialCommands(program: Command, context: CliContext): void {
  registerGroup(program, context, INGEST_KEYS);
  registerGroup(program, context, READ_TOKENS);
}
