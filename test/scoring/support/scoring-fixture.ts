import { Pool } from 'pg';
import { createPrismaClient, type Prisma, type PrismaClient } from '@coil/database';

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

  async user(workspaceId: string, externalId: string, options: { identified?: boolean; traits?: Prisma.InputJsonObject } = {}): Promise<bigint> {
    const user = await this.prisma.user.create({
      data: { workspaceId: BigInt(workspaceId), externalId, identified: options.identified ?? true, traits: options.traits ?? {} },
    });
    return user.id;
  }

  async member(workspaceId: string, accountId: bigint, userId: bigint): Promise<void> {
    await this.prisma.membership.create({ data: { workspaceId: BigInt(workspaceId), accountId, userId } });
  }

  /** An account with one identified member; returns both ids. */
  async accountWithUser(workspaceId: string, name: string, traits: Prisma.InputJsonObject = {}): Promise<{ account: bigint; user: bigint }> {
    const account = await this.account(workspaceId, name, traits);
    const user = await this.user(workspaceId, `${name}-user`);
    await this.member(workspaceId, account, user);
    return { account, user };
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

  async close(): Promise<void> {
    await Promise.all([this.prisma.$disconnect(), this.pool.end()]);
  }
}
