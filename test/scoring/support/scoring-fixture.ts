import { Pool } from 'pg';
import { createPrismaClient, type Prisma, type PrismaClient } from '@coil/database';
import type { AccountMetrics, Activation } from '@coil/scoring';
import { ActivationChecklistRepository } from '@coil/settings';
import type { GeneratedWorkspace } from './generated-workspace';

export interface CountRow {
  readonly user: bigint;
  /** Omitted: 0, the event named no account (it belongs to every account of the user). */
  readonly account?: bigint;
  readonly event: string;
  readonly day: string;
  readonly count: number;
}

export interface StoredAccountScore {
  account_id: string;
  profile_id: string;
  period: string;
  raw_score: number;
  engagement_score: number;
  engagement_score_change: number | null;
  benchmark: number;
  active_users: number;
  activation_rate: number;
  scoring_profile_events: string;
  total_people_count: number;
}

/** A generated workspace as stored: its id and the ids of its accounts, users and profiles by position. */
export interface SeededWorkspace {
  readonly workspaceId: string;
  readonly accountIds: readonly string[];
  readonly userIds: readonly string[];
  readonly profileIds: readonly string[];
}

/** The columns of the engagement model (parity.md) an account or user row stores. */
export interface StoredEngagement {
  readonly frequency: number;
  readonly adoption_rate: number;
  readonly lifetime_adoption_rate: number;
  readonly last_active: string | null;
  readonly activation: Activation | null;
}

/** An account_scores row as the metrics block it serves, with its key and benchmark. */
export interface StoredMetrics {
  readonly profileId: string;
  readonly period: string;
  readonly accountId: string;
  readonly benchmark: number;
  readonly metrics: AccountMetrics;
  readonly engagement: StoredEngagement;
}

export interface StoredUserScore {
  readonly profileId: string;
  readonly period: string;
  readonly userId: string;
  readonly rawScore: number;
  readonly engagementScore: number;
  readonly engagementScoreChange: number | null;
  readonly benchmark: number;
  readonly engagement: StoredEngagement;
}

export interface StoredWorkspaceScore {
  readonly profileId: string;
  readonly period: string;
  readonly meanScore: number;
  readonly accounts: number;
  readonly activeAccounts: number;
  readonly activeUsers: number;
}

const ENGAGEMENT_COLUMNS = `frequency, adoption_rate, lifetime_adoption_rate, to_char(last_active, 'YYYY-MM-DD') AS last_active, activation`;

function splitEngagement<T extends StoredEngagement>(row: T): { rest: Omit<T, keyof StoredEngagement>; engagement: StoredEngagement } {
  const { frequency, adoption_rate, lifetime_adoption_rate, last_active, activation, ...rest } = row;
  return { rest, engagement: { frequency, adoption_rate, lifetime_adoption_rate, last_active, activation } };
}

/** Rows written straight with Prisma; every test makes its own workspace so tests never meet. */
export class ScoringFixture {
  readonly prisma: PrismaClient;
  readonly pool: Pool;

  constructor(databaseUrl = process.env.DATABASE_URL as string) {
    this.prisma = createPrismaClient(databaseUrl, 2);
    this.pool = new Pool({ connectionString: databaseUrl, max: 4 });
  }

  async workspace(name = 'scoring spec'): Promise<string> {
    return (await this.prisma.workspace.create({ data: { name } })).id.toString();
  }

  async account(workspaceId: string, trackingId: string, traits: Prisma.InputJsonObject = {}): Promise<bigint> {
    const account = await this.prisma.account.create({ data: { workspaceId: BigInt(workspaceId), trackingId, traits } });
    return account.id;
  }

  async user(
    workspaceId: string,
    externalId: string,
    options: { identified?: boolean; traits?: Prisma.InputJsonObject } = {},
  ): Promise<bigint> {
    const user = await this.prisma.user.create({
      data: { workspaceId: BigInt(workspaceId), externalId, identified: options.identified ?? true, traits: options.traits ?? {} },
    });
    return user.id;
  }

  async member(workspaceId: string, accountId: bigint, userId: bigint): Promise<void> {
    await this.prisma.membership.create({ data: { workspaceId: BigInt(workspaceId), accountId, userId } });
  }

  /** An account with one identified member; returns both ids. */
  async accountWithUser(
    workspaceId: string,
    name: string,
    traits: Prisma.InputJsonObject = {},
  ): Promise<{ account: bigint; user: bigint }> {
    const account = await this.account(workspaceId, name, traits);
    const user = await this.user(workspaceId, `${name}-user`);
    await this.member(workspaceId, account, user);
    return { account, user };
  }

  async feature(workspaceId: string, name: string, weight: number, events: readonly string[]): Promise<void> {
    const { id } = await this.prisma.feature.create({ data: { workspaceId: BigInt(workspaceId), name, weight } });
    await this.prisma.featureEvent.createMany({
      data: events.map((event) => ({ workspaceId: BigInt(workspaceId), event, featureId: id })),
    });
  }

  async counts(workspaceId: string, rows: readonly CountRow[]): Promise<void> {
    await this.prisma.dailyCount.createMany({
      data: rows.map((row) => ({
        workspaceId: BigInt(workspaceId),
        userId: row.user,
        accountId: row.account ?? 0n,
        event: row.event,
        day: new Date(`${row.day}T00:00:00Z`),
        count: row.count,
      })),
    });
  }

  async accountScores(workspaceId: string): Promise<StoredAccountScore[]> {
    const result = await this.pool.query<StoredAccountScore>(
      `SELECT account_id::text, profile_id::text, to_char(period, 'YYYY-MM-DD') AS period, raw_score, engagement_score,
              engagement_score_change, benchmark, active_users, activation_rate, scoring_profile_events::text,
              total_people_count
       FROM account_scores WHERE workspace_id = $1 ORDER BY account_scores.profile_id, period, account_scores.account_id`,
      [workspaceId],
    );
    return result.rows;
  }

  async seed(generated: GeneratedWorkspace): Promise<SeededWorkspace> {
    const workspaceId = await this.workspace('generated');
    const workspace = BigInt(workspaceId);
    const accountIds: bigint[] = [];
    for (let index = 0; index < generated.accounts; index += 1) accountIds.push(await this.account(workspaceId, `account-${index}`));
    const userIds: bigint[] = [];
    for (const [index, user] of generated.users.entries()) userIds.push(await this.user(workspaceId, `user-${index}`, user));
    await this.prisma.membership.createMany({
      data: generated.memberships.map(([account, user]) => ({
        workspaceId: workspace,
        accountId: accountIds[account],
        userId: userIds[user],
      })),
    });
    await this.counts(
      workspaceId,
      generated.counts.map((row) => ({
        ...row,
        user: userIds[row.user],
        account: row.account === null ? undefined : accountIds[row.account],
      })),
    );
    for (const feature of generated.features) {
      const { id } = await this.prisma.feature.create({ data: { workspaceId: workspace, name: feature.name, weight: feature.weight } });
      await this.prisma.featureEvent.createMany({
        data: feature.events.map((event) => ({ workspaceId: workspace, event, featureId: id })),
      });
    }
    const profileIds: bigint[] = [];
    for (const { weights, ...profile } of generated.profiles) {
      const { id } = await this.prisma.scoringProfile.create({ data: { workspaceId: workspace, ...profile } });
      await this.prisma.eventWeight.createMany({
        data: Object.entries(weights).map(([event, weight]) => ({ workspaceId: workspace, profileId: id, event, weight })),
      });
      profileIds.push(id);
    }
    if (generated.checklist !== null) await new ActivationChecklistRepository(this.pool).set(workspaceId, generated.checklist);
    return { workspaceId, accountIds: accountIds.map(String), userIds: userIds.map(String), profileIds: profileIds.map(String) };
  }

  async storedMetrics(workspaceId: string): Promise<StoredMetrics[]> {
    const result = await this.pool.query<Omit<StoredMetrics, 'metrics' | 'engagement'> & AccountMetrics & StoredEngagement>(
      `SELECT profile_id::text AS "profileId", to_char(period, 'YYYY-MM-DD') AS period, account_id::text AS "accountId",
              benchmark, engagement_score, engagement_score_change, raw_score,
              to_char(first_seen, 'YYYY-MM-DD') AS first_seen, to_char(last_seen, 'YYYY-MM-DD') AS last_seen,
              active_users, activation_rate, overall_scored_events::float8 AS overall_scored_events,
              recently_scored_events::float8 AS recently_scored_events, scoring_profile_events::float8 AS scoring_profile_events,
              total_people_count, total_active_people_count, ${ENGAGEMENT_COLUMNS}
       FROM account_scores WHERE workspace_id = $1`,
      [workspaceId],
    );
    return result.rows.map((row) => {
      const { rest, engagement } = splitEngagement(row);
      const { profileId, period, accountId, benchmark, ...metrics } = rest;
      return { profileId, period, accountId, benchmark, metrics, engagement };
    });
  }

  async storedUserScores(workspaceId: string): Promise<StoredUserScore[]> {
    const result = await this.pool.query<Omit<StoredUserScore, 'engagement'> & StoredEngagement>(
      `SELECT profile_id::text AS "profileId", to_char(period, 'YYYY-MM-DD') AS period, user_id::text AS "userId",
              raw_score AS "rawScore", engagement_score AS "engagementScore",
              engagement_score_change AS "engagementScoreChange", benchmark, ${ENGAGEMENT_COLUMNS}
       FROM user_scores WHERE workspace_id = $1`,
      [workspaceId],
    );
    return result.rows.map((row) => {
      const { rest, engagement } = splitEngagement(row);
      return { ...rest, engagement };
    });
  }

  async storedWorkspaceScores(workspaceId: string): Promise<StoredWorkspaceScore[]> {
    const result = await this.pool.query<StoredWorkspaceScore>(
      `SELECT profile_id::text AS "profileId", to_char(period, 'YYYY-MM-DD') AS period, mean_score AS "meanScore",
              accounts, active_accounts AS "activeAccounts", active_users AS "activeUsers"
       FROM workspace_scores WHERE workspace_id = $1 ORDER BY profile_id, period`,
      [workspaceId],
    );
    return result.rows;
  }

  async close(): Promise<void> {
    await Promise.all([this.prisma.$disconnect(), this.pool.end()]);
  }
}
