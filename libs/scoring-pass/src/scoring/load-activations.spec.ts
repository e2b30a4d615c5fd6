import { parseUtcDay, type ActivationChecklist } from '@coil/scoring';
import type { StepProgressQuery } from '../repositories/activation-progress.repository';
import { loadActivations } from './load-activations';

const checklist: ActivationChecklist = {
  steps: [
    { kind: 'event', name: 'login', minCount: 1 },
    { kind: 'feature', name: 'Reports', minCount: 2 },
  ],
  requiredUsers: null,
};
const done = (subjectId: string, step: number, day: string) => ({ subjectId, step, day: parseUtcDay(day) });

function fakeReads(stored: ActivationChecklist | null) {
  const queries: StepProgressQuery[] = [];
  const reads = {
    activationChecklists: { get: async () => stored },
    features: { list: async () => [{ id: '1', name: 'Reports', weight: 3, events: ['report_created', 'report_shared'] }] },
    activationProgress: {
      userDoneDays: async (query: StepProgressQuery) => (
        queries.push(query),
        [done('10', 0, '2025-09-01'), done('10', 1, '2025-09-04'), done('11', 0, '2025-09-02'), done('11', 1, '2025-09-08')]
      ),
      accountDoneDays: async () => [done('1', 0, '2025-09-01'), done('1', 1, '2025-09-03'), done('2', 0, '2025-09-05')],
    },
    subjects: {
      accounts: async () => [],
      identifiedUsers: async () => [],
      memberships: async () => [
        { accountId: '1', userId: '10' },
        { accountId: '1', userId: '11' },
        { accountId: '2', userId: '12' },
      ],
    },
  };
  return { reads, queries };
}

describe('loadActivations', () => {
  it('gives null activations without a checklist', async () => {
    const activations = await loadActivations(fakeReads(null).reads, '7');
    expect([activations.ofAccount('1'), activations.ofUser('10')]).toEqual([null, null]);
  });

  it("asks for the steps' events and min counts, and builds every subject's activation from its done days", async () => {
    const { reads, queries } = fakeReads(checklist);
    const activations = await loadActivations(reads, '7');
    expect(queries).toEqual([
      {
        workspaceId: '7',
        stepEvents: [
          { step: 0, event: 'login' },
          { step: 1, event: 'report_created' },
          { step: 1, event: 'report_shared' },
        ],
        minCounts: [1, 2],
      },
    ]);
    expect(activations.ofUser('10')).toEqual({
      rate: 1,
      completed: ['login', 'feature:Reports>=2'],
      missing: [],
      activated_at: '2025-09-04',
    });
    expect(activations.ofUser(12n)).toEqual({ rate: 0, completed: [], missing: ['login', 'feature:Reports>=2'], activated_at: null });
    expect(activations.ofAccount('1')).toMatchObject({ rate: 1, activated_at: '2025-09-03' });
    expect(activations.ofAccount('2')).toMatchObject({ rate: 0.5, missing: ['feature:Reports>=2'], activated_at: null });
  });

  it('activates an account on the day its N-th user was activated when the checklist requires N users', async () => {
    const activations = await loadActivations(fakeReads({ ...checklist, requiredUsers: 2 }).reads, '7');
    expect(activations.ofAccount('1')).toEqual({
      rate: 1,
      completed: ['login', 'feature:Reports>=2'],
      missing: [],
      activated_at: '2025-09-08',
    });
    expect(activations.ofAccount('2')).toMatchObject({ rate: 0, activated_at: null });
  });
});
