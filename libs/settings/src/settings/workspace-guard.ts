import { CoilError } from '@coil/domain';
import type { SqlClient } from '@coil/database';
import { WorkspaceRepository } from '../repositories/workspace.repository';
import { parseWorkspaceId } from './settings-input';

/** The workspace id, validated and known to exist (400 / 404 otherwise). */
export async function requireWorkspace(db: SqlClient, raw: string): Promise<string> {
  const workspaceId = parseWorkspaceId(raw);
  if (!(await new WorkspaceRepository(db).exists(workspaceId))) {
    throw new CoilError('not_found', 'not_found', `workspace ${workspaceId} not found`);
  }
  return workspaceId;
}
