import type { Pool } from 'pg';
import { requireWorkspace, WorkspaceRepository } from '@coil/workspaces';
import { SignalFeedRepository } from './signal-feed.repository';
import { SignalsReader, type SignalsBody } from './signals-reader';
import type { SignalsQuery } from './signals-query';

/** The feed outside the api (the CLI): no token, so an unknown workspace is the 404 every command gives. */
export interface SignalFeed {
  page(query: SignalsQuery): Promise<SignalsBody>;
}

/** The api wires the same reader over its pool in apps/api/src/read.providers.ts. */
export function createSignalFeed(pool: Pool): SignalFeed {
  const workspaces = new WorkspaceRepository(pool);
  const reader = new SignalsReader(new SignalFeedRepository(pool));
  return {
    async page(query) {
      await requireWorkspace(workspaces, query.workspaceId);
      return reader.page(query);
    },
  };
}
