import { daysOf } from '../history/history-query';
import { daysParameter, WORKSPACE_ID, type QuerySpec } from '../query/query-spec';
import { compileQueryValidator } from '../query/query-validator';

export const DEFAULT_SEGMENT_DAYS = 30;

export const SEGMENTS_QUERY: QuerySpec = {
  lookup: false,
  parameters: { workspace_id: WORKSPACE_ID, days: daysParameter(DEFAULT_SEGMENT_DAYS) },
};

export interface SegmentsQuery {
  workspaceId: string;
  days: number;
}

const validateSegmentsQuery = compileQueryValidator<{ workspace_id: string; days?: string }>(SEGMENTS_QUERY);

export function parseSegmentsQuery(query: unknown): SegmentsQuery {
  const raw = validateSegmentsQuery(query);
  return { workspaceId: raw.workspace_id, days: daysOf(raw, DEFAULT_SEGMENT_DAYS) };
}
