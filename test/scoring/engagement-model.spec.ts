import { ActivationChecklistRepository } from '@coil/settings';
import { createScoringRunner } from '@coil/scoring-pass';
import { ScoringFixture } from './support/scoring-fixture';

// The engagement model of parity.md (frequency, adoption, last_active, activation) on hand-built
// data, through the SQL pass: exact values a person can check by reading the counts.

const now = new Date('2025-09-21T15:00:00Z'); // 7-day frame: 2025-09-15 .. 2025-09-21

describe('the scoring pass stores frequency, adoption, last_active and activation', () => {
  const fixture = new ScoringFixture();
  const runner = createScoringRunner(fixture.pool);
  const checklists = new ActivationChecklistRepository(fixture.pool);

  afterAll(() => fixture.close());

  async function weeklyWorkspace(): Promise<string> {
    const workspaceId = await fixture.workspace();
    await fixture.prisma.scoringProfile.create({
      data: { workspaceId: BigInt(workspaceId), name: 'weekly', isDefault: true, windowDays: 7 },
    });
    await fixture.feature(workspaceId, 'Reports', 5, ['report_created', 'report_shared']);
    await fixture.feature(workspaceId, 'Invites', 3, ['invite_sent']);
    await fixture.feature(workspaceId, 'Billing', 2, ['billing_viewed']);
    return workspaceId;
  }

  async function stored(workspaceId: string) {
    return {
      accounts: (await fixture.storedMetrics(workspaceId)).map((row) => ({ accountId: row.accountId, ...row.engagement })),
      users: (await fixture.storedUserScores(workspaceId)).map((row) => ({ userId: row.userId, ...row.engagement })),
    };
  }

  it('counts 4 active days of 7, and adoption of 1 of 3 features in the frame but 2 of 3 ever', async () => {
    const workspaceId = await weeklyWorkspace();
    const { account, user } = await fixture.accountWithUser(workspaceId, 'acme');
    await fixture.counts(workspaceId, [
      { user, event: 'invite_sent', day: '2025-09-15', count: 1 },
      { user, event: 'invite_sent', day: '2025-09-17', count: 2 },
      { user, event: 'invite_sent', day: '2025-09-18', count: 1 },
      { user, account, event: 'invite_sent', day: '2025-09-20', count: 5 },
      { user, event: 'page_viewed', day: '2025-09-21', count: 9 }, // not scored: no active day, no last_active
      { user, event: 'report_created', day: '2025-09-10', count: 3 }, // before the frame: lifetime only
    ]);

    await runner.scoreWorkspace(workspaceId, now);

    const expected = { frequency: 4, adoption_rate: 0.33, lifetime_adoption_rate: 0.67, last_active: '2025-09-20', activation: null };
    expect(await stored(workspaceId)).toEqual({
      accounts: [{ accountId: String(account), ...expected }],
      users: [{ userId: String(user), ...expected }],
    });
  });

  it('activates a user and its account on the day the last step was done', async () => {
    const workspaceId = await weeklyWorkspace();
    await checklists.set(workspaceId, {
      steps: [
        { kind: 'event', name: 'report_created', minCount: 1 },
        { kind: 'event', name: 'invite_sent', minCount: 3 },
        { kind: 'feature', name: 'Reports', minCount: 2 },
      ],
      requiredUsers: null,
    });
    const { account, user } = await fixture.accountWithUser(workspaceId, 'acme');
    const late = await fixture.accountWithUser(workspaceId, 'late');
    await fixture.counts(workspaceId, [
      { user, event: 'report_created', day: '2025-08-01', count: 1 }, // step 1 done
      { user, event: 'invite_sent', day: '2025-08-02', count: 2 },
      { user, event: 'report_shared', day: '2025-08-05', count: 1 }, // Reports: 1 + 1 = 2, done
      { user, event: 'invite_sent', day: '2025-08-09', count: 1 }, // 3 invites: the last step, activated
      { user, event: 'invite_sent', day: '2025-08-12', count: 4 },
      { user: late.user, event: 'invite_sent', day: '2025-09-01', count: 2 }, // 2 of 3: not done
      { user: late.user, event: 'report_created', day: '2025-09-02', count: 1 },
    ]);

    await runner.scoreWorkspace(workspaceId, now);

    const activated = {
      rate: 1,
      completed: ['report_created', 'invite_sent>=3', 'feature:Reports>=2'],
      missing: [],
      activated_at: '2025-08-09',
    };
    const partly = { rate: 0.33, completed: ['report_created'], missing: ['invite_sent>=3', 'feature:Reports>=2'], activated_at: null };
    const { accounts, users } = await stored(workspaceId);
    expect(accounts.map((row) => [row.accountId, row.activation])).toEqual([
      [String(account), activated],
      [String(late.account), partly],
    ]);
    expect(users.map((row) => [row.userId, row.activation])).toEqual([
      [String(user), activated],
      [String(late.user), partly],
    ]);
  });

  it("adds an account's users' counts together, or requires N activated users when the checklist says so", async () => {
    const workspaceId = await weeklyWorkspace();
    const steps = [
      { kind: 'event' as const, name: 'report_created', minCount: 1 },
      { kind: 'event' as const, name: 'invite_sent', minCount: 1 },
    ];
    const account = await fixture.account(workspaceId, 'team');
    const [ann, bob, cat] = await Promise.all(['ann', 'bob', 'cat'].map((name) => fixture.user(workspaceId, name)));
    for (const user of [ann, bob, cat]) await fixture.member(workspaceId, account, user);
    await fixture.counts(workspaceId, [
      { user: ann, event: 'report_created', day: '2025-09-01', count: 1 },
      { user: bob, event: 'invite_sent', day: '2025-09-03', count: 1 }, // together: both steps on 09-03
      { user: bob, event: 'report_created', day: '2025-09-06', count: 1 }, // bob activated 09-06
      { user: cat, event: 'report_created', day: '2025-09-04', count: 1 },
      { user: cat, event: 'invite_sent', day: '2025-09-10', count: 1 }, // cat activated 09-10
    ]);
    const accountActivation = async (requiredUsers: number | null) => {
      await checklists.set(workspaceId, { steps, requiredUsers });
      await runner.scoreWorkspace(workspaceId, now);
      return (await stored(workspaceId)).accounts[0].activation;
    };

    const all = ['report_created', 'invite_sent'];
    expect(await accountActivation(null)).toEqual({ rate: 1, completed: all, missing: [], activated_at: '2025-09-03' });
    expect(await accountActivation(2)).toEqual({ rate: 1, completed: all, missing: [], activated_at: '2025-09-10' });
    expect(await accountActivation(3)).toEqual({ rate: 0.67, completed: all, missing: [], activated_at: null });
  });
});
