import { WORKSPACE_ID, type QuerySpec } from '../query/query-spec';
import { compileQueryValidator } from '../query/query-validator';

export const SETTINGS_QUERY: QuerySpec = { lookup: false, parameters: { workspace_id: WORKSPACE_ID } };

export interface SettingsQuery {
  workspaceId: string;
}

const validateSettingsQuery = compileQueryValidator<{ workspace_id: string }>(SETTINGS_QUERY);

export function parseSettingsQuery(query: unknown): SettingsQuery {
  return { workspaceId: validateSettingsQuery(query).workspace_id };
}
