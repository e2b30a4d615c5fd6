import { Command } from 'commander';
import type { CliContext } from './cli-context';
import { registerAccountCommands } from './commands/account.command';
import { registerActivationCommands } from './commands/activation.command';
import { registerCredentialCommands } from './commands/credential.command';
import { registerDeadLetterCommands } from './commands/dead-letters.command';
import { registerDeliveriesCommands } from './commands/deliveries.command';
import { registerDestinationCommands } from './commands/destination.command';
import { registerEventCommands } from './commands/event.command';
import { registerFeatureCommands } from './commands/feature.command';
import { registerProfileCommands } from './commands/profile.command';
import { registerReplayCommand } from './commands/replay.command';
import { registerScoresCommands } from './commands/scores.command';
import { registerSegmentCommands } from './commands/segment.command';
import { registerSignalCommands } from './commands/signal.command';
import { registerTraitCommands } from './commands/trait.command';
import { registerWorkspaceCommands } from './commands/workspace.command';

/** Each command group registers itself from one file under commands/. */
export function createProgram(context: CliContext): Command {
  const program = new Command('coil')
    .description('Administer a Coil installation')
    // Inherited by every command created after this point: usage on any mistyped input.
    .showHelpAfterError()
    .showSuggestionAfterError();
  registerWorkspaceCommands(program, context);
  registerCredentialCommands(program, context);
  registerProfileCommands(program, context);
  registerFeatureCommands(program, context);
  registerEventCommands(program, context);
  registerSegmentCommands(program, context);
  registerActivationCommands(program, context);
  registerAccountCommands(program, context);
  registerTraitCommands(program, context);
  registerScoresCommands(program, context);
  registerSignalCommands(program, context);
  registerDestinationCommands(program, context);
  registerDeliveriesCommands(program, context);
  registerReplayCommand(program);
  registerDeadLetterCommands(program);
  return program;
}
