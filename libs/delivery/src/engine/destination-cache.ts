import type { RepositoryShape } from '@coil/database';
import type { DestinationRecord, DestinationRepository } from '../destinations/destination.repository';

// Every delivery reads its destination; a second-old copy saves that query under load, and an
// enable, disable or secret change reaches the engine within it.
const FRESH_MS = 1000;

/** Destinations as the engine reads them, each kept for a second. */
export class DestinationCache {
  private readonly entries = new Map<string, { record: DestinationRecord | undefined; readAt: number }>();

  constructor(private readonly destinations: Pick<RepositoryShape<DestinationRepository>, 'find'>) {}

  async find(workspaceId: string, id: string): Promise<DestinationRecord | undefined> {
    const key = `${workspaceId}:${id}`;
    const entry = this.entries.get(key);
    if (entry !== undefined && Date.now() - entry.readAt < FRESH_MS) return entry.record;
    const record = await this.destinations.find(workspaceId, id);
    this.entries.set(key, { record, readAt: Date.now() });
    return record;
  }

  /** After the engine itself disabled one. */
  forget(workspaceId: string, id: string): void {
    this.entries.delete(`${workspaceId}:${id}`);
  }
}
