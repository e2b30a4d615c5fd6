import { CoilError, parseWorkspaceId } from '@coil/domain';

/** What the guard needs to know about workspaces; any workspace repository provides it. */
export interface WorkspaceDirectory {
  exists(workspaceId: string): Promise<boolean>;
}

/** The workspace id, validated and known to exist (400 / 404 otherwise). */
export async function requireWorkspace(workspaces: WorkspaceDirectory, raw: string): Promise<string> {
  const workspaceId = parseWorkspaceId(raw);
  if (!(await workspaces.exists(workspaceId))) {
    throw new CoilError('not_found', 'not_found', `workspace ${workspaceId} not found`);
  }
  return workspaceId;
}
