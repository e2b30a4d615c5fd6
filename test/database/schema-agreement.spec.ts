// Proves the hand-written SQL matches schema.prisma: every model is written with every field
// set and read back through the generated client, which fails on any missing column or type.
import { createPrismaClient, Prisma, type PrismaClient } from '@coil/database';

const prisma: PrismaClient = createPrismaClient(process.env.DATABASE_URL as string, 2);
let workspaceId: bigint;

const day = new Date('2026-11-20T00:00:00.000Z');
const instant = new Date('2026-11-20T10:11:12.345Z');

beforeAll(async () => {
  const workspace = await prisma.workspace.create({ data: { name: 'schema-agreement' } });
  workspaceId = workspace.id;
});

afterAll(async () => {
  await prisma.$disconnect();
});

describe('schema.prisma and the migrations agree', () => {
  it('Workspace', async () => {
    const data = {
      name: 'w',
      createdAt: instant,
      accountUserTrait: 'company_id',
      accountNameTrait: 'company_name',
      accountCreatedTrait: 'signed_up_at',
      suggestedSegmentsAt: instant,
      signalScoreThreshold: 15,
      signalWatchedTraits: ['plan', 'seats'],
      signalRetentionDays: 30,
      signalsBaselineAt: instant,
    };
    const created = await prisma.workspace.create({ data });
    expect(await prisma.workspace.findUniqueOrThrow({ where: { id: created.id } })).toEqual({ ...data, id: created.id });
    const defaults = await prisma.workspace.create({ data: { name: 'defaults' } });
    expect(defaults.createdAt).toBeInstanceOf(Date);
    expect(defaults).toMatchObject({
      accountUserTrait: null,
      accountNameTrait: null,
      accountCreatedTrait: null,
      suggestedSegmentsAt: null,
      signalScoreThreshold: 10,
      signalWatchedTraits: ['plan', 'status', 'mrr'],
      signalRetentionDays: 90,
      signalsBaselineAt: null,
    });
  });

  it('IngestKey', async () => {
    const data = { workspaceId, keyHash: 'kh', keyPrefix: 'coil_ik_ab', createdAt: instant, revokedAt: instant };
    const created = await prisma.ingestKey.create({ data });
    expect(typeof created.id).toBe('bigint');
    expect(await prisma.ingestKey.findUniqueOrThrow({ where: { workspaceId_keyHash: { workspaceId, keyHash: 'kh' } } })).toEqual({
      ...data,
      id: created.id,
    });
    expect(await prisma.ingestKey.findFirst({ where: { keyHash: 'kh', workspaceId } })).toEqual(created);
  });

  it('ReadToken', async () => {
    const data = { workspaceId, tokenHash: 'th', tokenPrefix: 'coil_rt_ab', createdAt: instant, revokedAt: null };
    const created = await prisma.readToken.create({ data });
    expect(await prisma.readToken.findUniqueOrThrow({ where: { workspaceId_tokenHash: { workspaceId, tokenHash: 'th' } } })).toEqual({
      ...data,
      id: created.id,
    });
  });

  it('User', async () => {
    const data = {
      workspaceId,
      externalId: 'u-1',
      identified: false,
      traits: { plan: 'pro', nested: { n: 1 } },
      traitClock: { plan: { at: 1, id: 'm1' }, gone: { at: 2, id: 'm2', removed: true } },
      traitsAt: instant,
      createdAt: instant,
      updatedAt: instant,
    };
    const created = await prisma.user.create({ data });
    expect(await prisma.user.findUniqueOrThrow({ where: { workspaceId_externalId: { workspaceId, externalId: 'u-1' } } })).toEqual({
      ...data,
      id: created.id,
    });
    const defaults = await prisma.user.create({ data: { workspaceId, externalId: 'u-2' } });
    expect(defaults).toMatchObject({ identified: true, traits: {}, traitClock: {}, traitsAt: null });
  });

  it('UserAlias', async () => {
    const data = { workspaceId, externalId: 'anon-1', userId: 7n, createdAt: instant };
    await prisma.userAlias.create({ data });
    expect(await prisma.userAlias.findUniqueOrThrow({ where: { workspaceId_externalId: { workspaceId, externalId: 'anon-1' } } })).toEqual(
      data,
    );
  });

  it('Account', async () => {
    const data = {
      workspaceId,
      trackingId: 'acme',
      name: 'Acme',
      domain: 'acme.test',
      traits: { seats: 12 },
      traitClock: { seats: { at: 1, id: 'm1', once: [{ at: 2, id: 'm2', value: 20 }] } },
      traitsAt: instant,
      createdAt: instant,
      updatedAt: instant,
    };
    const created = await prisma.account.create({ data });
    expect(await prisma.account.findUniqueOrThrow({ where: { workspaceId_trackingId: { workspaceId, trackingId: 'acme' } } })).toEqual({
      ...data,
      id: created.id,
    });
  });

  it('Membership', async () => {
    const data = { workspaceId, accountId: 1n, userId: 2n, source: 'trait', createdAt: instant };
    await prisma.membership.create({ data });
    expect((await prisma.membership.create({ data: { workspaceId, accountId: 1n, userId: 3n } })).source).toBe('group');
    expect(
      await prisma.membership.findUniqueOrThrow({
        where: { workspaceId_accountId_userId: { workspaceId, accountId: 1n, userId: 2n } },
      }),
    ).toEqual(data);
  });

  it('DailyCount', async () => {
    const data = { workspaceId, userId: 2n, accountId: 1n, event: 'Logged In', day, count: 3 };
    await prisma.dailyCount.create({ data });
    expect(
      await prisma.dailyCount.findUniqueOrThrow({
        where: { workspaceId_userId_accountId_event_day: { workspaceId, userId: 2n, accountId: 1n, event: 'Logged In', day } },
      }),
    ).toEqual(data);
    const unattributed = await prisma.dailyCount.create({ data: { workspaceId, userId: 2n, event: 'x', day, count: 1 } });
    expect(unattributed.accountId).toBe(0n);
  });

  it('ProcessedBatch', async () => {
    const data = { workspaceId, batchId: 'job-1', eventCount: 100, processedAt: instant };
    await prisma.processedBatch.create({ data });
    expect(await prisma.processedBatch.findUniqueOrThrow({ where: { workspaceId_batchId: { workspaceId, batchId: 'job-1' } } })).toEqual(
      data,
    );
  });

  it('SeenMessage', async () => {
    const data = { workspaceId, messageId: 'm-1', seenAt: instant };
    await prisma.seenMessage.create({ data });
    expect(await prisma.seenMessage.findUniqueOrThrow({ where: { workspaceId_messageId: { workspaceId, messageId: 'm-1' } } })).toEqual(
      data,
    );
  });

  it('ScoringProfile', async () => {
    const data = {
      workspaceId,
      name: 'weekly',
      windowDays: 7,
      filter: 'plan = "pro"',
      normalization: 'linear',
      isDefault: true,
      createdAt: instant,
    };
    const created = await prisma.scoringProfile.create({ data });
    expect(await prisma.scoringProfile.findUniqueOrThrow({ where: { workspaceId_name: { workspaceId, name: 'weekly' } } })).toEqual({
      ...data,
      id: created.id,
    });
    const defaults = await prisma.scoringProfile.create({ data: { workspaceId, name: 'default' } });
    expect(defaults).toMatchObject({ windowDays: 30, filter: null, normalization: 'exponential', isDefault: false });
  });

  it('Feature', async () => {
    const data = { workspaceId, name: 'Reports', weight: 8, createdAt: instant, firstUsesAt: instant };
    const created = await prisma.feature.create({ data });
    expect(await prisma.feature.findUniqueOrThrow({ where: { workspaceId_name: { workspaceId, name: 'Reports' } } })).toEqual({
      ...data,
      id: created.id,
    });
  });

  it('FeatureEvent', async () => {
    const data = { workspaceId, event: 'Report Viewed', featureId: 3n };
    await prisma.featureEvent.create({ data });
    expect(await prisma.featureEvent.findUniqueOrThrow({ where: { workspaceId_event: { workspaceId, event: 'Report Viewed' } } })).toEqual(
      data,
    );
  });

  it('EventWeight', async () => {
    const data = { workspaceId, profileId: 1n, event: 'Report Viewed', weight: 9 };
    await prisma.eventWeight.create({ data });
    expect(
      await prisma.eventWeight.findUniqueOrThrow({
        where: { workspaceId_profileId_event: { workspaceId, profileId: 1n, event: 'Report Viewed' } },
      }),
    ).toEqual(data);
  });

  it('AccountScore', async () => {
    const data = {
      workspaceId,
      profileId: 1n,
      accountId: 1n,
      period: day,
      rawScore: 12.5,
      engagementScore: 0.75,
      engagementScoreChange: -0.125,
      benchmark: 0.5,
      activeUsers: 4,
      activationRate: 0.8,
      overallScoredEvents: 9_007_199_254_740_993n,
      recentlyScoredEvents: 10n,
      scoringProfileEvents: 11n,
      totalPeopleCount: 5,
      totalActivePeopleCount: 4,
      firstSeen: day,
      lastSeen: day,
      frequency: 4,
      adoptionRate: 0.25,
      lifetimeAdoptionRate: 0.5,
      lastActive: day,
      activation: { rate: 1, completed: ['Report Created'], missing: [], activated_at: '2026-11-20' },
      computedAt: instant,
    };
    await prisma.accountScore.create({ data });
    expect(
      await prisma.accountScore.findUniqueOrThrow({
        where: { workspaceId_profileId_accountId_period: { workspaceId, profileId: 1n, accountId: 1n, period: day } },
      }),
    ).toEqual(data);
  });

  it('UserScore', async () => {
    const data = {
      workspaceId,
      profileId: 1n,
      userId: 2n,
      period: day,
      rawScore: 3.25,
      engagementScore: 0.5,
      benchmark: 0.25,
      scoringProfileEvents: 6n,
      firstSeen: null,
      lastSeen: day,
      engagementScoreChange: 1.5,
      frequency: 2,
      adoptionRate: 0.5,
      lifetimeAdoptionRate: 0.75,
      lastActive: day,
      activation: { rate: 0.5, completed: [], missing: ['Invite Sent'], activated_at: null },
      computedAt: instant,
    };
    await prisma.userScore.create({ data });
    expect(
      await prisma.userScore.findUniqueOrThrow({
        where: { workspaceId_profileId_userId_period: { workspaceId, profileId: 1n, userId: 2n, period: day } },
      }),
    ).toEqual(data);
  });

  it('Segment', async () => {
    const data = { workspaceId, name: 'Active', rule: 'engagement_score > 0.5', builtin: true, createdAt: instant };
    const created = await prisma.segment.create({ data });
    expect(await prisma.segment.findUniqueOrThrow({ where: { workspaceId_name: { workspaceId, name: 'Active' } } })).toEqual({
      ...data,
      id: created.id,
    });
  });

  it('SegmentMembership', async () => {
    const data = { workspaceId, segmentId: 1n, accountId: 1n, enteredAt: instant, leftAt: instant };
    await prisma.segmentMembership.create({ data });
    expect(
      await prisma.segmentMembership.findUniqueOrThrow({
        where: {
          workspaceId_segmentId_accountId_enteredAt: { workspaceId, segmentId: 1n, accountId: 1n, enteredAt: instant },
        },
      }),
    ).toEqual(data);
  });

  it('WorkspaceScore', async () => {
    const data = {
      workspaceId,
      profileId: 1n,
      period: day,
      meanScore: 42.5,
      accounts: 10,
      activeAccounts: 7,
      activeUsers: 30,
      computedAt: instant,
    };
    await prisma.workspaceScore.create({ data });
    expect(
      await prisma.workspaceScore.findUniqueOrThrow({
        where: { workspaceId_profileId_period: { workspaceId, profileId: 1n, period: day } },
      }),
    ).toEqual(data);
  });

  it('ActivationChecklist', async () => {
    const data = { workspaceId, steps: [{ kind: 'event', name: 'Report Created', min_count: 1 }], requiredUsers: 2, updatedAt: instant };
    await prisma.activationChecklist.create({ data });
    expect(await prisma.activationChecklist.findUniqueOrThrow({ where: { workspaceId } })).toEqual(data);
  });

  it('TraitType', async () => {
    const data = { workspaceId, key: 'mrr', type: 'number', updatedAt: instant };
    await prisma.traitType.create({ data });
    expect(await prisma.traitType.findUniqueOrThrow({ where: { workspaceId_key: { workspaceId, key: 'mrr' } } })).toEqual(data);
  });

  it('Signal', async () => {
    const data = {
      workspaceId,
      id: 'sig_0123456789abcdef',
      kind: 'segment_entered',
      subjectType: 'account',
      subjectId: 5n,
      subject: { type: 'account', id: '5', tracking_id: 'acme', name: 'Acme' },
      occurredAt: instant,
      data: { segment: { id: '2', name: 'Champions' } },
      createdAt: instant,
    };
    const created = await prisma.signal.create({ data });
    expect(typeof created.seq).toBe('bigint');
    expect(await prisma.signal.findUniqueOrThrow({ where: { workspaceId_id: { workspaceId, id: data.id } } })).toEqual({
      ...data,
      seq: created.seq,
    });
  });

  it('FeatureFirstUse', async () => {
    const data = { workspaceId, featureId: 3n, subjectType: 'user', subjectId: 9n, firstDay: day };
    await prisma.featureFirstUse.create({ data });
    const key = { workspaceId, featureId: 3n, subjectType: 'user', subjectId: 9n };
    expect(await prisma.featureFirstUse.findUniqueOrThrow({ where: { workspaceId_featureId_subjectType_subjectId: key } })).toEqual(data);
  });

  it('Destination', async () => {
    const data = {
      workspaceId,
      type: 'webhook',
      url: 'https://example.com/hook',
      kinds: ['segment_entered'],
      segments: ['Champions'],
      settings: { digest_seconds: 900 },
      secret: 'enc:v1:abc',
      enabled: false,
      disabledReason: 'failing for 24 h',
      disabledAt: instant,
      failingSince: instant,
      createdAt: instant,
    };
    const created = await prisma.destination.create({ data });
    expect(await prisma.destination.findUniqueOrThrow({ where: { workspaceId_id: { workspaceId, id: created.id } } })).toEqual({
      ...data,
      id: created.id,
    });
    const defaults = await prisma.destination.create({ data: { workspaceId, type: 'slack', url: 'https://hooks.example/x' } });
    expect(defaults).toMatchObject({ enabled: true, settings: {}, secret: null, disabledReason: null, failingSince: null });
  });

  it('Delivery', async () => {
    const data = {
      workspaceId,
      destinationId: 1n,
      signalId: 'sig_0123456789abcdef',
      seq: 7n,
      subjectKey: 'account:5',
      status: 'delivered',
      attempts: 2,
      nextAttemptAt: instant,
      lastError: 'HTTP 503',
      createdAt: instant,
      deliveredAt: instant,
    };
    await prisma.delivery.create({ data });
    const key = { workspaceId, destinationId: 1n, signalId: data.signalId };
    expect(await prisma.delivery.findUniqueOrThrow({ where: { workspaceId_destinationId_signalId: key } })).toEqual(data);
  });

  it('DeliveryAttempt', async () => {
    const data = {
      workspaceId,
      destinationId: 1n,
      item: 'sig_0123456789abcdef',
      attempt: 1,
      attemptedAt: instant,
      outcome: 'retry',
      statusCode: 503,
      latencyMs: 12,
      response: 'busy',
      error: null,
    };
    const created = await prisma.deliveryAttempt.create({ data });
    expect(
      await prisma.deliveryAttempt.findUniqueOrThrow({
        where: { workspaceId_destinationId_id: { workspaceId, destinationId: 1n, id: created.id } },
      }),
    ).toEqual({ ...data, id: created.id });
  });

  it('DestinationTraitState', async () => {
    const data = {
      workspaceId,
      destinationId: 1n,
      subjectType: 'account',
      subjectId: 5n,
      traits: { coil_default_score: 42 },
      sentAt: instant,
    };
    await prisma.destinationTraitState.create({ data });
    const key = { workspaceId, destinationId: 1n, subjectType: 'account', subjectId: 5n };
    expect(
      await prisma.destinationTraitState.findUniqueOrThrow({ where: { workspaceId_destinationId_subjectType_subjectId: key } }),
    ).toEqual(data);
  });

  it('covers every model of the client', () => {
    const tested = [
      'Workspace',
      'IngestKey',
      'ReadToken',
      'User',
      'UserAlias',
      'Account',
      'Membership',
      'DailyCount',
      'ProcessedBatch',
      'SeenMessage',
      'ScoringProfile',
      'Feature',
      'FeatureEvent',
      'EventWeight',
      'AccountScore',
      'UserScore',
      'Segment',
      'SegmentMembership',
      'WorkspaceScore',
      'ActivationChecklist',
      'TraitType',
      'Signal',
      'FeatureFirstUse',
      'Destination',
      'Delivery',
      'DeliveryAttempt',
      'DestinationTraitState',
    ];
    expect(Object.values(Prisma.ModelName).sort()).toEqual(tested.sort());
  });
});
