import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { randomUUID } from 'node:crypto';
import type { Command } from 'commander';
import { createRedisConnection, loadConfig, queuePrefix } from '@coil/platform';
import {
  CoilError,
  MAX_BATCH_EVENTS,
  normalizeContext,
  normalizeRequest,
  parseWorkspaceId,
  type IngestEvent,
  type RejectedEvent,
} from '@coil/domain';
import { BullBatchWriter } from '@coil/ingestion';
import { printResult, type JsonOption } from '../output';

interface ReplayOptions extends JsonOption {
  workspace: string;
  file: string;
}

interface ReplaySummary {
  workspace_id: string;
  lines: number;
  queued: number;
  rejected: (RejectedEvent & { line: number })[];
}

/**
 * Replays a JSON-lines file of Segment-shaped events through the ingest's own normaliser and
 * queue, so a backfill is validated, stripped of properties and deduplicated like live
 * traffic; events keep their messageIds, so replaying a file twice counts it once.
 */
async function replay(options: ReplayOptions): Promise<ReplaySummary> {
  const workspaceId = parseWorkspaceId(options.workspace);
  const config = loadConfig();
  const connection = createRedisConnection(config, 'worker');
  const writer = new BullBatchWriter(connection, queuePrefix(config));
  const summary: ReplaySummary = { workspace_id: workspaceId, lines: 0, queued: 0, rejected: [] };
  let pending: { line: number; event: unknown }[] = [];
  const flush = async (): Promise<void> => {
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    const result = normalizeBatch(batch.map((entry) => entry.event));
    summary.rejected.push(...result.rejected.map((rejected) => ({ ...rejected, line: batch[rejected.index].line })));
    // replay: its roll-up clears the signals baseline, so a backfill signals nothing (outbound.md).
    if (result.events.length > 0) await writer.write([{ workspaceId, events: result.events, replay: true }]);
    summary.queued += result.events.length;
  };
  try {
    const lines = createInterface({ input: createReadStream(options.file), crlfDelay: Infinity });
    for await (const text of lines) {
      summary.lines += 1;
      if (text.trim() === '') continue;
      pending.push({ line: summary.lines, event: parseLine(text, summary.lines) });
      if (pending.length === MAX_BATCH_EVENTS) await flush();
    }
    await flush();
    return summary;
  } finally {
    await writer.close();
    connection.disconnect();
  }
}

function parseLine(text: string, line: number): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new CoilError('bad_request', 'invalid_json', `line ${line} is not valid JSON`);
  }
}

function normalizeBatch(batch: unknown[]): { events: IngestEvent[]; rejected: RejectedEvent[] } {
  try {
    return normalizeRequest('v1/batch', { batch }, normalizeContext({ receivedAt: new Date(), newMessageId: randomUUID }));
  } catch (error) {
    // Every event of the chunk was invalid: report them all rather than stop the replay.
    const details = error instanceof CoilError ? (error.details?.rejected as RejectedEvent[] | undefined) : undefined;
    if (!details) throw error;
    return { events: [], rejected: details };
  }
}

export function registerReplayCommand(program: Command): void {
  program
    .command('replay')
    .alias('backfill')
    .description('queue a JSON-lines file of Segment-shaped events for a workspace, as the ingest would')
    .requiredOption('--workspace <id>', 'workspace id')
    .requiredOption('--file <path>', 'JSON lines, one event per line')
    .option('--json', 'print JSON')
    .action(async (options: ReplayOptions) => {
      const summary = await replay(options);
      printResult(
        options,
        summary,
        (result) =>
          `Queued ${result.queued} event(s) from ${result.lines} line(s); ${result.rejected.length} rejected` +
          result.rejected
            .map((rejected) => `\n  line ${rejected.line}: ${rejected.code} at ${rejected.path}: ${rejected.message}`)
            .join(''),
      );
    });
}
