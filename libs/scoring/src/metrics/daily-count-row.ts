import { EntityId } from './entity-id';

/** One row of daily_counts attributed to an account: a user's count of one event on one UTC day. */
export interface DailyCountRow {
  readonly userId: EntityId;
  readonly event: string;
  readonly day: Date;
  readonly count: number;
}
