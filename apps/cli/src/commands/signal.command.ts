import type { Command } from 'commander';
import { createSignalFeed, parseSignalsQuery, type SignalsBody } from '@coil/accounts';
import { parseWorkspaceId } from '@coil/domain';
import {
  createSettings,
  parseRetentionDays,
  parseScoreThreshold,
  parseWatchedTraits,
  type SignalSettingsChange,
  type SignalSettingsView,
} from '@coil/settings';
import type { Signal } from '@coil/signals';
import type { CliContext } from '../cli-context';
import { printResult, type JsonOption } from '../output';
import { cliArgument } from './profile.command';

interface SettingsOptions extends JsonOption {
  workspace: string;
  threshold?: number;
  watch?: string[];
  retentionDays?: number;
}

interface ListOptions extends JsonOption {
  workspace: string;
  kind?: string;
  since?: string;
  limit?: string;
  cursor?: string;
}

function describeSettings(view: SignalSettingsView): string {
  const watched = view.watched_traits.length === 0 ? 'none' : view.watched_traits.join(', ');
  return [
    `Signals of workspace ${view.workspace_id}:`,
    `  score_changed when the score moves ${view.score_threshold} points or more against one time frame earlier`,
    `  trait_changed for the traits: ${watched}`,
    `  kept ${view.retention_days} days`,
  ].join('\n');
}

function describeSubject(subject: Signal['subject']): string {
  const ref = subject.type === 'account' ? subject.tracking_id : subject.external_id;
  return `${subject.type} ${ref}${subject.name === null ? '' : ` (${subject.name})`}`;
}

function describeFeed(body: SignalsBody): string {
  if (body.signals.length === 0) return 'No signals.';
  const lines = body.signals.map(
    (signal) => `${signal.occurred_at}  ${signal.kind}  ${describeSubject(signal.subject)}  ${JSON.stringify(signal.data)}`,
  );
  return body.next_cursor === null ? lines.join('\n') : [...lines, `More: --cursor ${body.next_cursor}`].join('\n');
}

/** `signal settings` and `signals list` (`signals` is an alias of `signal`). */
export function registerSignalCommands(program: Command, context: CliContext): void {
  const signal = program.command('signal').alias('signals').description('the signal feed and what decides its signals');

  signal
    .command('settings')
    .description('show or change the signal settings of a workspace (no option: show them)')
    .requiredOption('--workspace <id>', 'workspace id', cliArgument(parseWorkspaceId))
    .option('--threshold <points>', 'score change that makes a trend hot or cold, 1 to 100 (default 10)', cliArgument(parseScoreThreshold))
    .option('--watch <traits>', "traits whose changes are signals, e.g. plan,status,mrr ('' watches none)", cliArgument(parseWatchedTraits))
    .option('--retention-days <days>', 'days signals are kept, 1 to 400 (default 90)', cliArgument(parseRetentionDays))
    .option('--json', 'print JSON')
    .action(async (options: SettingsOptions) => {
      const settings = createSettings(context.pool()).signals;
      const change: SignalSettingsChange = {
        scoreThreshold: options.threshold,
        watchedTraits: options.watch,
        retentionDays: options.retentionDays,
      };
      const changing = Object.values(change).some((value) => value !== undefined);
      const view = changing ? await settings.change(options.workspace, change) : await settings.show(options.workspace);
      printResult(options, view, describeSettings);
    });

  signal
    .command('list')
    .description('the stored signals, newest first (as GET /v1/signals)')
    .requiredOption('--workspace <id>', 'workspace id', cliArgument(parseWorkspaceId))
    .option('--kind <kinds>', 'comma list of signal kinds')
    .option('--since <time>', 'only signals at or after this ISO 8601 time')
    .option('--limit <n>', 'signals per page, 1 to 500 (default 100)')
    .option('--cursor <cursor>', 'next_cursor of the previous page')
    .option('--json', 'print JSON')
    .action(async (options: ListOptions) => {
      const query = parseSignalsQuery({
        workspace_id: options.workspace,
        kind: options.kind,
        since: options.since,
        limit: options.limit,
        cursor: options.cursor,
      });
      printResult(options, await createSignalFeed(context.pool()).page(query), describeFeed);
    });
}
