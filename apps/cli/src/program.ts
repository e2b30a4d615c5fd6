import { Command } from 'commander';
import type { CliContext } from './cli-context';
import { registerKeyCommands } from './commands/key.command';
import { registerTokenCommands } from './commands/token.command';
import { registerWorkspaceCommands } from './commands/workspace.command';

/** Each command group registers itself from one file under commands/. */
export function createProgram(context: CliContext): Command {
  const program = new Command('coil')
    .description('Administer a Coil installation')
    // Inherited by every command created after this point: usage on any mistyped input.
    .showHelpAfterError()
    .showSuggestionAfterError();
  registerWorkspaceCommands(program, context);
  registerKeyCommands(program, context);
  registerTokenCommands(program, context);
  return program;
}
