import type { AccountScoreRow } from './account-score-row';
import type { UserScoreRow } from './score-users';
import { workspaceScore } from './workspace-score';

const account = (engagementScore: number, scoringProfileEvents: number) => ({ engagementScore, scoringProfileEvents }) as AccountScoreRow;
const user = (scoringProfileEvents: number) => ({ scoringProfileEvents }) as UserScoreRow;

describe('workspaceScore', () => {
  it('gives the mean score of the scored accounts and counts the active accounts and users', () => {
    expect(workspaceScore([account(90.1, 4), account(1, 0), account(50.2, 1)], [user(3), user(0), user(2)])).toEqual({
      meanScore: 47.1,
      accounts: 3,
      activeAccounts: 2,
      activeUsers: 2,
    });
  });

  it('is all zero for a workspace without accounts', () => {
    expect(workspaceScore([], [])).toEqual({ meanScore: 0, accounts: 0, activeAccounts: 0, activeUsers: 0 });
  });
});
