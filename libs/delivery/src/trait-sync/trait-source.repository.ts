import type { SqlClient } from '@coil/database';
import type { ProfileMetrics, ScoringProfileName } from './computed-traits';

/** An account with what its computed traits are made of, and how the destinations find it. */
export interface AccountTraitSource {
  readonly id: string;
  readonly trackingId: string;
  readonly domain: string | null;
  /** An identified member (the lowest user id, so the same one each time): Segment's group call names a user. */
  readonly memberExternalId: string | null;
  readonly segments: string[];
  readonly scores: ProfileMetrics[];
}

export interface UserTraitSource {
  readonly id: string;
  readonly externalId: string;
  readonly scores: ProfileMetrics[];
}

/** One page of subjects: those after `afterId` (keyset), scored up to `day` (YYYY-MM-DD). */
export interface TraitPage {
  readonly afterId: string;
  readonly limit: number;
  readonly day: string;
  /** Only accounts in one of these segments, and users of such accounts; null: everyone. */
  readonly segments: readonly string[] | null;
}

/** The account (a column) is now in one of the segments named by $5. */
function inSegments(account: string): string {
  return `EXISTS (
    SELECT 1 FROM segment_memberships fm JOIN segments fs ON fs.workspace_id = fm.workspace_id AND fs.id = fm.segment_id
    WHERE fm.workspace_id = $1::bigint AND fm.account_id = ${account} AND fm.left_at IS NULL AND fs.name = ANY($5::text[]))`;
}

/**
 * The latest score row per profile of the subject `x` up to the day ($4), as a JSON array: one
 * backward probe of the primary key per profile, as the read API reads the latest metrics.
 */
function latestScores(table: 'account_scores' | 'user_scores', subjectColumn: 'account_id' | 'user_id', accountFields: string): string {
  return `COALESCE((
    SELECT json_agg(json_build_object(
      'profileId', p.id::text, 'score', s.engagement_score, 'scoreChange', s.engagement_score_change,
      'adoptionRate', s.adoption_rate, 'lifetimeAdoptionRate', s.lifetime_adoption_rate,
      'lastActive', to_char(s.last_active, 'YYYY-MM-DD'), 'frequency', s.frequency, ${accountFields}) ORDER BY p.id)
    FROM scoring_profiles p
    CROSS JOIN LATERAL (
      SELECT * FROM ${table} s
      WHERE s.workspace_id = p.workspace_id AND s.profile_id = p.id AND s.${subjectColumn} = x.id AND s.period <= $4::date
      ORDER BY s.period DESC LIMIT 1) s
    WHERE p.workspace_id = x.workspace_id), '[]')`;
}

// Accounts: activation_rate as the read API serves it (share of the profile's scored events
// performed); users have no such column, so theirs is the activation checklist's rate.
const ACCOUNT_SCORES = latestScores(
  'account_scores',
  'account_id',
  `'activationRate', s.activation_rate, 'activeUsers', s.active_users, 'totalUsers', s.total_people_count`,
);
const USER_SCORES = latestScores('user_scores', 'user_id', `'activationRate', (s.activation->>'rate')::float8`);

/** What computed traits are made of: scores, segments and the ids destinations know subjects by. */
export class TraitSourceRepository {
  constructor(private readonly db: SqlClient) {}

  async profiles(workspaceId: string): Promise<ScoringProfileName[]> {
    const result = await this.db.query<ScoringProfileName>(
      'SELECT id::text AS id, name FROM scoring_profiles WHERE workspace_id = $1::bigint ORDER BY scoring_profiles.id',
      [workspaceId],
    );
    return result.rows;
  }

  async accounts(workspaceId: string, page: TraitPage): Promise<AccountTraitSource[]> {
    const result = await this.db.query<AccountTraitSource>(
      `SELECT x.id::text AS id, x.tracking_id AS "trackingId", x.domain,
         (SELECT u.external_id FROM memberships m JOIN users u ON u.workspace_id = m.workspace_id AND u.id = m.user_id
          WHERE m.workspace_id = x.workspace_id AND m.account_id = x.id AND u.identified
          ORDER BY u.id LIMIT 1) AS "memberExternalId",
         ARRAY(SELECT s.name FROM segment_memberships sm JOIN segments s ON s.workspace_id = sm.workspace_id AND s.id = sm.segment_id
               WHERE sm.workspace_id = x.workspace_id AND sm.account_id = x.id AND sm.left_at IS NULL ORDER BY s.name) AS segments,
         ${ACCOUNT_SCORES} AS scores
       FROM accounts x
       WHERE x.workspace_id = $1::bigint AND x.id > $2::bigint
         AND ($5::text[] IS NULL OR ${inSegments('x.id')})
       ORDER BY x.id LIMIT $3`,
      [workspaceId, page.afterId, page.limit, page.day, page.segments],
    );
    return result.rows;
  }

  /** Identified users only: anonymous ones have no id a destination could match. */
  async users(workspaceId: string, page: TraitPage): Promise<UserTraitSource[]> {
    const result = await this.db.query<UserTraitSource>(
      `SELECT x.id::text AS id, x.external_id AS "externalId", ${USER_SCORES} AS scores
       FROM users x
       WHERE x.workspace_id = $1::bigint AND x.id > $2::bigint AND x.identified
         AND ($5::text[] IS NULL OR EXISTS (
           SELECT 1 FROM memberships um WHERE um.workspace_id = x.workspace_id AND um.user_id = x.id
             AND ${inSegments('um.account_id')}))
       ORDER BY x.id LIMIT $3`,
      [workspaceId, page.afterId, page.limit, page.day, page.segments],
    );
    return result.rows;
  }
}
