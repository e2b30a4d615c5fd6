import type { WorkspaceRepository } from '@coil/workspaces';
import { notFound } from '../auth/read-access';

/** GET /v1/me: which workspace a read token opens, so a page or a tool needs only the token. */
export interface MeBody {
  workspace_id: string;
  workspace_name: string;
}

export class MeReader {
  constructor(private readonly workspaces: Pick<WorkspaceRepository, 'nameOf'>) {}

  async read(workspaceId: string): Promise<MeBody> {
    const name = await this.workspaces.nameOf(workspaceId);
    if (name === undefined) throw notFound();
    return { workspace_id: workspaceId, workspace_name: name };
  }
}
