import { DEFAULT_WINDOW_DAYS, type NormalizationMethod, type WindowDays } from '@coil/scoring';
import type { SqlClient } from '@coil/database';

export interface ScoringProfileRecord {
  readonly id: string;
  readonly name: string;
  readonly windowDays: WindowDays;
  readonly filter: string | null;
  readonly normalization: NormalizationMethod;
  readonly isDefault: boolean;
}

export interface ProfileValues {
  readonly windowDays: WindowDays;
  readonly filter: string | null;
  readonly normalization: NormalizationMethod;
}

/** Name of the profile created for a workspace that configured none. */
export const DEFAULT_PROFILE_NAME = 'default';

/** A new profile's values, as the table's defaults give them to the one ensureDefault creates. */
export const DEFAULT_PROFILE_VALUES: ProfileValues = { windowDays: DEFAULT_WINDOW_DAYS, filter: null, normalization: 'exponential' };

const COLUMNS = `id::text AS id, name, window_days AS "windowDays", filter, normalization, is_default AS "isDefault"`;

export class ScoringProfileRepository {
  constructor(private readonly db: SqlClient) {}

  /** Default first, then by age: the order scores and CLI output use. */
  async list(workspaceId: string): Promise<ScoringProfileRecord[]> {
    const result = await this.db.query<ScoringProfileRecord>(
      `SELECT ${COLUMNS} FROM scoring_profiles WHERE workspace_id = $1 ORDER BY is_default DESC, id`,
      [workspaceId],
    );
    return result.rows;
  }

  async findByName(workspaceId: string, name: string): Promise<ScoringProfileRecord | undefined> {
    const result = await this.db.query<ScoringProfileRecord>(
      `SELECT ${COLUMNS} FROM scoring_profiles WHERE workspace_id = $1 AND name = $2`,
      [workspaceId, name],
    );
    return result.rows[0];
  }

  async findDefault(workspaceId: string): Promise<ScoringProfileRecord | undefined> {
    const result = await this.db.query<ScoringProfileRecord>(
      `SELECT ${COLUMNS} FROM scoring_profiles WHERE workspace_id = $1 AND is_default ORDER BY id LIMIT 1`,
      [workspaceId],
    );
    return result.rows[0];
  }

  /**
   * The default profile, created with the unconfigured defaults (30 days, every event weight 1)
   * when the workspace has no profile at all; ON CONFLICT covers two callers racing.
   */
  async ensureDefault(workspaceId: string): Promise<ScoringProfileRecord> {
    await this.db.query(
      `INSERT INTO scoring_profiles (workspace_id, name, is_default)
       SELECT $1::bigint, $2, true WHERE NOT EXISTS (SELECT 1 FROM scoring_profiles WHERE workspace_id = $1)
       ON CONFLICT (workspace_id, name) DO NOTHING`,
      [workspaceId, DEFAULT_PROFILE_NAME],
    );
    const found = await this.findDefault(workspaceId);
    if (found === undefined) throw new Error(`workspace ${workspaceId} has profiles but none is the default`);
    return found;
  }

  async insert(workspaceId: string, name: string, values: ProfileValues, isDefault: boolean): Promise<ScoringProfileRecord> {
    const result = await this.db.query<ScoringProfileRecord>(
      `INSERT INTO scoring_profiles (workspace_id, name, window_days, filter, normalization, is_default)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${COLUMNS}`,
      [workspaceId, name, values.windowDays, values.filter, values.normalization, isDefault],
    );
    return result.rows[0];
  }

  async update(workspaceId: string, id: string, values: ProfileValues): Promise<ScoringProfileRecord> {
    const result = await this.db.query<ScoringProfileRecord>(
      `UPDATE scoring_profiles SET window_days = $3, filter = $4, normalization = $5
       WHERE workspace_id = $1 AND id = $2 RETURNING ${COLUMNS}`,
      [workspaceId, id, values.windowDays, values.filter, values.normalization],
    );
    return result.rows[0];
  }

  /** Makes `id` the only default of the workspace. */
  async makeDefault(workspaceId: string, id: string): Promise<void> {
    await this.db.query('UPDATE scoring_profiles SET is_default = (id = $2) WHERE workspace_id = $1', [workspaceId, id]);
  }
}
