import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { announceNewScores, createRedisConnection, waitUntilReady, type CoilConfig } from '@coil/platform';
import { createScoreExplainer } from '@coil/accounts';
import { parseWorkspaceId } from '@coil/domain';
import { createScoringRunner, type ScoringProgressListener, type ScoringRunSummary } from '@coil/scoring-pass';
import type { CliContext } from '../cli-context';
import { describeExplanation } from '../explanation-table';
import { printResult, type JsonOption } from '../output';
import { cliArgument } from './profile.command';

interface RecomputeOptions extends JsonOption {
  workspace: string;
}

interface ExplainOptions extends JsonOption {
  workspace: string;
  account: string;
  profile?: string;
}

/** How a run is shown: a bar for a person at a terminal, JSON lines for scripts and logs. */
interface RunDisplay {
  readonly onProgress: ScoringProgressListener;
  finish(summary: ScoringRunSummary, seconds: number): void;
  stop(): void;
}

function jsonLinesDisplay(): RunDisplay {
  const line = (value: object): void => void process.stdout.write(`${JSON.stringify(value)}\n`);
  return {
    onProgress: (progress) => line({ type: 'progress', ...progress }),
    finish: (summary, seconds) => line({ type: 'done', ...summary, seconds }),
    stop: () => undefined,
  };
}

function progressBarDisplay(): RunDisplay {
  const bar = new SingleBar({ format: 'scoring [{bar}] {value}/{total} {step}', stream: process.stderr, hideCursor: true });
  let started = false;
  return {
    onProgress: (progress) => {
      if (!started) bar.start(progress.total, 0, { step: '' });
      started = true;
      bar.update(progress.done, { step: progress.profile ? `${progress.step} ${progress.profile}` : progress.step });
    },
    finish: (summary, seconds) => {
      bar.stop();
      const profiles = summary.profiles.map((profile) => `${profile.name}: ${profile.accounts} accounts, benchmark ${profile.benchmark}`);
      process.stdout.write(
        `Scored workspace ${summary.workspace_id} in ${seconds.toFixed(2)} s (${profiles.join('; ')}); ` +
          `segments: ${summary.segments.entered} entered, ${summary.segments.left} left.\n`,
      );
    },
    stop: () => bar.stop(),
  };
}

/** So the read API serves the new scores at once rather than after its metrics limit. */
async function announce(config: CoilConfig, workspaceId: string): Promise<void> {
  const connection = createRedisConnection(config, 'producer');
  try {
    await waitUntilReady(connection, 2000);
    await announceNewScores(connection, config, [workspaceId]);
  } catch {
    process.stderr.write('warning: Redis unreachable; the read API shows the new scores within a minute\n');
  } finally {
    connection.disconnect();
  }
}

export function registerScoresCommands(program: Command, context: CliContext): void {
  const scores = program.command('scores').description('engagement scores');

  scores
    .command('recompute')
    .description('run a full scoring pass of a workspace now, in this process')
    .requiredOption('--workspace <id>', 'workspace id', cliArgument(parseWorkspaceId))
    .option('--json', 'print JSON lines (always, when not on a terminal)')
    .action(async (options: RecomputeOptions) => {
      const display = options.json || !process.stdout.isTTY ? jsonLinesDisplay() : progressBarDisplay();
      const started = process.hrtime.bigint();
      try {
        const summary = await createScoringRunner(context.pool()).scoreWorkspace(options.workspace, new Date(), display.onProgress);
        await announce(context.config(), summary.workspace_id);
        display.finish(summary, Math.round(Number(process.hrtime.bigint() - started) / 1e7) / 100);
      } finally {
        display.stop();
      }
    });

  scores
    .command('explain')
    .description("why an account has its score: its events' points, the formula, and what moved it since one time frame earlier")
    .requiredOption('--workspace <id>', 'workspace id', cliArgument(parseWorkspaceId))
    .requiredOption('--account <tracking_id>', 'the account, by the groupId sent at ingest')
    .option('--profile <name>', 'scoring profile (default: the default profile)')
    .option('--json', 'print the explanation as GET /v1/accounts/explain answers it')
    .action(async (options: ExplainOptions) => {
      const lookup = { kind: 'match' as const, field: 'tracking_id', value: options.account };
      const explained = await createScoreExplainer(context.pool()).account({
        workspaceId: options.workspace,
        lookup,
        profile: options.profile ?? null,
      });
      printResult(options, explained, (result) => describeExplanation(options.account, result));
    });
}
