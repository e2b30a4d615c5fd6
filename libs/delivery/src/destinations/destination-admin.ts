import { CoilError, parseId } from '@coil/domain';
import type { RepositoryShape } from '@coil/database';
import { withTimeout } from '@coil/platform';
import { requireWorkspace, type WorkspaceDirectory } from '@coil/workspaces';
import type { Signal } from '@coil/signals';
import type { SendResult } from '../contracts/send-result';
import type { DeliveryLogRepository, DeliveryRecord } from '../deliveries/delivery-log.repository';
import { isSyncType, type DeliverySenders } from '../sender-registry';
import { parseDestinationInput, type DestinationInput } from './destination-input';
import type { DestinationRecord, DestinationRepository } from './destination.repository';
import { openDestination } from './open-destination';
import { secretHint, type SecretBox } from './secret-box';

/** A destination as list and read show it: never its secret, only a hint of it. */
export interface DestinationView {
  readonly id: string;
  readonly workspace_id: string;
  readonly type: string;
  readonly url: string;
  readonly kinds: string[] | null;
  readonly segments: string[] | null;
  readonly settings: Record<string, unknown>;
  readonly secret_hint: string | null;
  readonly enabled: boolean;
  readonly disabled_reason: string | null;
  readonly disabled_at: Date | null;
  readonly failing_since: Date | null;
  readonly created_at: Date;
}

/** What `destination test` reports: the receiver's answer to a sample signal. */
export interface TestReport {
  readonly destination_id: string;
  readonly outcome: SendResult['outcome'];
  readonly status_code: number | null;
  readonly latency_ms: number;
  readonly response: string | null;
  readonly error: string | null;
}

const LIST_LIMIT = 100;
const WAKE_TIMEOUT_MS = 3000;

/**
 * `destination create|list|delete|enable|disable|test` and `deliveries list|retry`. `wake`
 * enqueues a workspace's due deliveries; when it cannot (Redis down), the worker's sweeper does.
 */
export class DestinationAdmin {
  constructor(
    private readonly workspaces: WorkspaceDirectory,
    private readonly destinations: RepositoryShape<DestinationRepository>,
    private readonly log: RepositoryShape<DeliveryLogRepository>,
    private readonly box: SecretBox,
    private readonly senders: DeliverySenders,
    private readonly wake: (workspaceId: string) => Promise<unknown>,
  ) {}

  /** The created destination, and for a webhook its signing secret: shown this once only. */
  async create(workspace: string, input: DestinationInput): Promise<DestinationView & { secret?: string }> {
    const workspaceId = await requireWorkspace(this.workspaces, workspace);
    const parsed = parseDestinationInput(input);
    const record = await this.destinations.insert(workspaceId, { ...parsed, secret: this.box.seal(parsed.secret) });
    const view = this.view(record);
    return parsed.type === 'webhook' ? { ...view, secret: parsed.secret } : view;
  }

  async list(workspace: string): Promise<DestinationView[]> {
    const workspaceId = await requireWorkspace(this.workspaces, workspace);
    return (await this.destinations.list(workspaceId)).map((record) => this.view(record));
  }

  /** Deletes it with its deliveries and attempts. */
  async delete(workspace: string, id: string): Promise<DestinationView> {
    const workspaceId = await requireWorkspace(this.workspaces, workspace);
    return this.view(found(await this.destinations.delete(workspaceId, parseId(id, 'destination id')), workspaceId));
  }

  /** Enables it again and sends its backlog (the signals that waited while it was disabled). */
  async enable(workspace: string, id: string): Promise<DestinationView> {
    const workspaceId = await requireWorkspace(this.workspaces, workspace);
    const record = found(await this.destinations.enable(workspaceId, parseId(id, 'destination id')), workspaceId);
    await this.wakeQuietly(workspaceId);
    return this.view(record);
  }

  /** Stops sending; new signals still queue up for it, nothing is dropped. */
  async disable(workspace: string, id: string): Promise<DestinationView> {
    const workspaceId = await requireWorkspace(this.workspaces, workspace);
    return this.view(
      found(await this.destinations.disable(workspaceId, parseId(id, 'destination id'), 'disabled by an operator'), workspaceId),
    );
  }

  /** Sends a sample signal (or, for Segment and HubSpot, runs a sync) and reports the answer. */
  async test(workspace: string, id: string): Promise<TestReport> {
    const workspaceId = await requireWorkspace(this.workspaces, workspace);
    const destination = openDestination(
      found(await this.destinations.find(workspaceId, parseId(id, 'destination id')), workspaceId),
      this.box,
    );
    const started = performance.now();
    const result = await (
      isSyncType(destination.type)
        ? this.senders.syncers[destination.type].sync(destination, new Date())
        : this.senders.signals[destination.type].send(destination, [sampleSignal(workspaceId)])
    ).catch((error: unknown): SendResult => ({ outcome: 'retry', error: error instanceof Error ? error.message : String(error) }));
    return {
      destination_id: destination.id,
      outcome: result.outcome,
      status_code: result.statusCode ?? null,
      latency_ms: Math.round(performance.now() - started),
      response: result.response ?? null,
      error: result.error ?? null,
    };
  }

  /** Newest first, with their attempts; `destination` omitted: every destination. */
  async deliveries(workspace: string, destination: string | undefined, failedOnly: boolean): Promise<DeliveryRecord[]> {
    const workspaceId = await requireWorkspace(this.workspaces, workspace);
    const destinationId = destination === undefined ? null : parseId(destination, 'destination id');
    if (destinationId !== null) found(await this.destinations.find(workspaceId, destinationId), workspaceId);
    return this.log.list(workspaceId, destinationId, failedOnly, LIST_LIMIT);
  }

  /** Failed deliveries of the destination go out again, from a fresh retry schedule. */
  async retry(workspace: string, destination: string): Promise<{ destination_id: string; retried: number }> {
    const workspaceId = await requireWorkspace(this.workspaces, workspace);
    const destinationId = found(await this.destinations.find(workspaceId, parseId(destination, 'destination id')), workspaceId).id;
    const retried = await this.log.retryFailed(workspaceId, destinationId);
    await this.wakeQuietly(workspaceId);
    return { destination_id: destinationId, retried };
  }

  private async wakeQuietly(workspaceId: string): Promise<void> {
    // The rows are due already: the worker's sweeper sends them within seconds if this fails.
    await withTimeout(this.wake(workspaceId), WAKE_TIMEOUT_MS).catch(() => undefined);
  }

  /** A secret sealed under another key still lists; its hint says so. */
  private hint(stored: string): string {
    try {
      return secretHint(this.box.open(stored));
    } catch {
      return 'sealed under another COIL_SECRET_KEY';
    }
  }

  private view(record: DestinationRecord): DestinationView {
    return {
      id: record.id,
      workspace_id: record.workspaceId,
      type: record.type,
      url: record.url,
      kinds: record.kinds,
      segments: record.segments,
      settings: { ...record.settings },
      secret_hint: record.secret === null ? null : this.hint(record.secret),
      enabled: record.enabled,
      disabled_reason: record.disabledReason,
      disabled_at: record.disabledAt,
      failing_since: record.failingSince,
      created_at: record.createdAt,
    };
  }
}

function found(record: DestinationRecord | undefined, workspaceId: string): DestinationRecord {
  if (record === undefined) throw new CoilError('not_found', 'not_found', `no such destination in workspace ${workspaceId}`);
  return record;
}

/** What `destination test` sends: clearly a test, with the shape of a real signal. */
function sampleSignal(workspaceId: string): Signal {
  return {
    id: `sig_test_${Date.now().toString(36)}`,
    workspace_id: workspaceId,
    kind: 'score_changed',
    subject: { type: 'account', id: '0', tracking_id: 'coil-test-account', name: 'Coil test account' },
    occurred_at: new Date().toISOString(),
    data: { profile: 'engagement', before: 40, after: 55, change: 15, trend: 'hot' },
  };
}
