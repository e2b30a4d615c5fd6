import { WORKSPACE_ID, type QuerySpec } from '../query/query-spec';
import { compileQueryValidator } from '../query/query-validator';

export const DESTINATIONS_QUERY: QuerySpec = { lookup: false, parameters: { workspace_id: WORKSPACE_ID } };

export interface DestinationsQuery {
  workspaceId: string;
}

const validateDestinationsQuery = compileQueryValidator<{ workspace_id: string }>(DESTINATIONS_QUERY);

export function parseDestinationsQuery(query: unknown): DestinationsQuery {
  return { workspaceId: validateDestinationsQuery(query).workspace_id };
}
