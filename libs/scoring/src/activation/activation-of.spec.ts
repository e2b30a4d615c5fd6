import { parseUtcDay } from '../time/utc-day';
import type { ActivationChecklist } from './activation-checklist';
import { accountActivationOf, activationOf } from './activation-of';
import { activationStepEvents } from './activation-step';
import { activationStepLabel } from './activation-step-label';

const checklist: ActivationChecklist = {
  steps: [
    { kind: 'event', name: 'Report_Created', minCount: 1 },
    { kind: 'event', name: 'Invite Sent', minCount: 3 },
    { kind: 'feature', name: 'Reports', minCount: 1 },
  ],
  requiredUsers: null,
};
const LABELS = ['Report_Created', 'Invite Sent>=3', 'feature:Reports'];
const done = (...days: [number, string][]): (Date | null)[] => {
  const byStep: (Date | null)[] = [null, null, null];
  for (const [step, day] of days) byStep[step] = parseUtcDay(day);
  return byStep;
};

describe('activationStepLabel', () => {
  it('writes steps as the CLI takes them', () => {
    expect(checklist.steps.map(activationStepLabel)).toEqual(LABELS);
    expect(activationStepLabel({ kind: 'feature', name: 'Reports', minCount: 2 })).toBe('feature:Reports>=2');
  });
});

describe('activationStepEvents', () => {
  it("lists an event step's event and every event of a feature step, none for an unknown feature", () => {
    const withUnknown: ActivationChecklist = { ...checklist, steps: [...checklist.steps, { kind: 'feature', name: 'Gone', minCount: 1 }] };
    expect(activationStepEvents(withUnknown, [{ name: 'Reports', events: ['Report_Created', 'Report_Shared'] }])).toEqual([
      { step: 0, event: 'Report_Created' },
      { step: 1, event: 'Invite Sent' },
      { step: 2, event: 'Report_Created' },
      { step: 2, event: 'Report_Shared' },
    ]);
  });
});

describe('activationOf', () => {
  it('is activated on the day the last step was done', () => {
    expect(activationOf(checklist, done([0, '2025-09-01'], [2, '2025-09-01'], [1, '2025-09-12']))).toEqual({
      rate: 1,
      completed: LABELS,
      missing: [],
      activated_at: '2025-09-12',
    });
  });

  it('lists the missing steps and has no activated_at until every step is done', () => {
    expect(activationOf(checklist, done([0, '2025-09-01'], [2, '2025-09-03']))).toEqual({
      rate: 0.67,
      completed: ['Report_Created', 'feature:Reports'],
      missing: ['Invite Sent>=3'],
      activated_at: null,
    });
    expect(activationOf(checklist, [])).toEqual({ rate: 0, completed: [], missing: LABELS, activated_at: null });
  });
});

describe('accountActivationOf', () => {
  const perUser: ActivationChecklist = { ...checklist, requiredUsers: 2 };
  const accountDone = done([0, '2025-09-01'], [1, '2025-09-02'], [2, '2025-09-03']);

  it('without required users is the activation of its users together', () => {
    expect(accountActivationOf(checklist, accountDone, [null, null])).toMatchObject({ rate: 1, activated_at: '2025-09-03' });
  });

  it('with required users N is activated on the day its N-th user was', () => {
    const users = [parseUtcDay('2025-09-20'), null, parseUtcDay('2025-09-05'), parseUtcDay('2025-09-10')];
    expect(accountActivationOf(perUser, accountDone, users)).toEqual({
      rate: 1,
      completed: LABELS,
      missing: [],
      activated_at: '2025-09-10',
    });
  });

  it('with fewer than N activated users has the share of N as its rate and no activated_at', () => {
    expect(accountActivationOf(perUser, accountDone, [parseUtcDay('2025-09-05'), null])).toEqual({
      rate: 0.5,
      completed: LABELS,
      missing: [],
      activated_at: null,
    });
    expect(accountActivationOf({ ...checklist, requiredUsers: 3 }, done([0, '2025-09-01']), [])).toMatchObject({
      rate: 0,
      missing: ['Invite Sent>=3', 'feature:Reports'],
    });
  });
});
