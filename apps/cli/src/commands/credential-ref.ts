import type { Command } from 'commander';

/** `revoke` takes exactly one of --id or the full secret; anything else is a usage error. */
export function exactlyOneRef(
  command: Command,
  id: string | undefined,
  secret: string | undefined,
  secretFlag: string,
): { id: string } | { secret: string } {
  if (id !== undefined && secret === undefined) return { id };
  if (secret !== undefined && id === undefined) return { secret };
  return command.error(`error: give exactly one of --id or ${secretFlag}`);
}
