import { Prisma, type PrismaClient } from '@coil/database';

/** The new metrics' columns; each defaults to what a row written before them holds. */
export interface EngagementColumns {
  frequency?: number;
  adoptionRate?: number;
  lifetimeAdoptionRate?: number;
  lastActive?: string | null;
  activation?: Prisma.InputJsonObject | null;
}

function engagementData(values: EngagementColumns) {
  return {
    frequency: values.frequency ?? 0,
    adoptionRate: values.adoptionRate ?? 0,
    lifetimeAdoptionRate: values.lifetimeAdoptionRate ?? 0,
    lastActive: values.lastActive ? new Date(`${values.lastActive}T00:00:00Z`) : null,
    activation: values.activation ?? Prisma.DbNull,
  };
}

export interface AccountSeed {
  trackingId: string;
  name?: string;
  domain?: string;
  traits?: Prisma.InputJsonObject;
}

/** Rows the read API reads, written directly: each test file owns its workspace. */
export class Seed {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly workspaceId: string,
  ) {}

  private get ws(): bigint {
    return BigInt(this.workspaceId);
  }

  async account(seed: AccountSeed): Promise<string> {
    const traits = { ...(seed.name && { name: seed.name }), ...(seed.domain && { domain: seed.domain }), ...seed.traits };
    const row = await this.prisma.account.create({
      data: { workspaceId: this.ws, trackingId: seed.trackingId, name: seed.name ?? null, domain: seed.domain ?? null, traits },
    });
    return row.id.toString();
  }

  async defaultProfile(windowDays = 30): Promise<string> {
    const row = await this.prisma.scoringProfile.create({ data: { workspaceId: this.ws, name: 'default', windowDays, isDefault: true } });
    return row.id.toString();
  }

  async profile(name: string, windowDays = 30): Promise<string> {
    const row = await this.prisma.scoringProfile.create({ data: { workspaceId: this.ws, name, windowDays } });
    return row.id.toString();
  }

  async eventWeight(profileId: string, event: string, weight: number): Promise<void> {
    await this.prisma.eventWeight.create({ data: { workspaceId: this.ws, profileId: BigInt(profileId), event, weight } });
  }

  async score(
    profileId: string,
    accountId: string,
    period: string,
    values: {
      engagementScore: number;
      change?: number | null;
      rawScore?: number;
      activeUsers?: number;
      totalPeople?: number;
      scoringProfileEvents?: number;
      lastSeen?: string;
    } & EngagementColumns,
  ): Promise<void> {
    await this.prisma.accountScore.create({
      data: {
        workspaceId: this.ws,
        profileId: BigInt(profileId),
        accountId: BigInt(accountId),
        period: new Date(`${period}T00:00:00Z`),
        rawScore: values.rawScore ?? values.engagementScore * 10,
        engagementScore: values.engagementScore,
        engagementScoreChange: values.change ?? null,
        benchmark: 100,
        activeUsers: values.activeUsers ?? 3,
        activationRate: 0.5,
        overallScoredEvents: 1000n,
        recentlyScoredEvents: 100n,
        scoringProfileEvents: BigInt(values.scoringProfileEvents ?? 50),
        totalPeopleCount: values.totalPeople ?? 4,
        totalActivePeopleCount: 3,
        firstSeen: new Date('2025-01-15T00:00:00Z'),
        lastSeen: new Date(`${values.lastSeen ?? period}T00:00:00Z`),
        ...engagementData(values),
      },
    });
  }

  async userScore(
    profileId: string,
    userId: string,
    period: string,
    values: { engagementScore: number; rawScore?: number; change?: number | null; scoringProfileEvents?: number } & EngagementColumns,
  ): Promise<void> {
    await this.prisma.userScore.create({
      data: {
        workspaceId: this.ws,
        profileId: BigInt(profileId),
        userId: BigInt(userId),
        period: new Date(`${period}T00:00:00Z`),
        rawScore: values.rawScore ?? values.engagementScore * 2,
        engagementScore: values.engagementScore,
        engagementScoreChange: values.change ?? null,
        benchmark: 10,
        scoringProfileEvents: BigInt(values.scoringProfileEvents ?? 30),
        firstSeen: new Date('2025-09-01T00:00:00Z'),
        lastSeen: new Date(`${period}T00:00:00Z`),
        ...engagementData(values),
      },
    });
  }

  async workspaceScore(
    profileId: string,
    period: string,
    values: { meanScore: number; accounts: number; activeAccounts: number; activeUsers: number },
  ): Promise<void> {
    await this.prisma.workspaceScore.create({
      data: { workspaceId: this.ws, profileId: BigInt(profileId), period: new Date(`${period}T00:00:00Z`), ...values },
    });
  }

  async user(externalId: string, traits: Prisma.InputJsonObject = {}): Promise<string> {
    const row = await this.prisma.user.create({ data: { workspaceId: this.ws, externalId, traits } });
    return row.id.toString();
  }

  async member(accountId: string, userId: string): Promise<void> {
    await this.prisma.membership.create({ data: { workspaceId: this.ws, accountId: BigInt(accountId), userId: BigInt(userId) } });
  }

  async counts(userId: string, accountId: string, event: string, day: string, count: number): Promise<void> {
    await this.prisma.dailyCount.create({
      data: { workspaceId: this.ws, userId: BigInt(userId), accountId: BigInt(accountId), event, day: new Date(`${day}T00:00:00Z`), count },
    });
  }

  async feature(name: string, events: string[]): Promise<void> {
    const feature = await this.prisma.feature.create({ data: { workspaceId: this.ws, name, weight: 5 } });
    await this.prisma.featureEvent.createMany({ data: events.map((event) => ({ workspaceId: this.ws, event, featureId: feature.id })) });
  }

  async segment(name: string, accountId: string, enteredAt: string, leftAt: string | null = null): Promise<string> {
    const segment =
      (await this.prisma.segment.findFirst({ where: { workspaceId: this.ws, name } })) ??
      (await this.prisma.segment.create({ data: { workspaceId: this.ws, name, rule: 'engagement_score < 30' } }));
    await this.prisma.segmentMembership.create({
      data: {
        workspaceId: this.ws,
        segmentId: segment.id,
        accountId: BigInt(accountId),
        enteredAt: new Date(enteredAt),
        leftAt: leftAt ? new Date(leftAt) : null,
      },
    });
    return segment.id.toString();
  }
}
