import type { UnitOfWork } from '@coil/database';
import { historyCutoff, type SegmentContext } from '@coil/scoring';
import { requireWorkspace } from '@coil/workspaces';
import type { ScoringReads, ScoringWrites } from '../repositories/scoring-repositories';
import type { AccountSourceSync } from './account-source-sync';
import { filterScope, traitsById, type ScoringSubjects } from './filter-scope';
import { loadActivations, type Activations } from './load-activations';
import { loadProfilePlans } from './load-profile-plans';
import { loadPreviousStates } from './previous-states';
import type { ProfilePlan } from './profile-plan';
import { computeProfileScores, type ProfileScores } from './profile-scores';
import { recordRunSignals } from './record-run-signals';
import { progressCounter, type ScoringProgressListener, type ScoringStep } from './scoring-progress';
import { summarizeRun, type ScoringRunSummary } from './scoring-summary';
import { updateSegments } from './update-segments';
import { writeProfileScores } from './write-profile-scores';

/** What every profile of a run is scored with. */
interface ProfileRun {
  readonly workspaceId: string;
  readonly now: Date;
  readonly subjects: ScoringSubjects;
  readonly rules: SegmentContext;
  readonly activations: () => Promise<Activations>;
  readonly workspaceEvents: () => Promise<readonly string[]>;
}

/**
 * One full scoring pass of a workspace: every profile scored from set-based reads, then all
 * scores and segment changes written in one transaction (all or nothing).
 */
export class ScoringRunner {
  constructor(
    private readonly reads: ScoringReads,
    private readonly writes: UnitOfWork<ScoringWrites>,
    /** Accounts and memberships from a user trait; omitted (unit specs) the run scores what is stored. */
    private readonly accountSource?: Pick<AccountSourceSync, 'sync'>,
  ) {}

  async scoreWorkspace(workspace: string, now: Date, onProgress?: ScoringProgressListener): Promise<ScoringRunSummary> {
    const workspaceId = await requireWorkspace(this.reads.workspaces, workspace);
    await this.accountSource?.sync(workspaceId);
    const plans = await loadProfilePlans(this.reads, workspaceId, now);
    const step = progressCounter(plans.length, onProgress);
    const defaultPlan = plans.find((plan) => plan.profile.isDefault) ?? plans[0];
    const [subjects, rules] = await Promise.all([this.loadSubjects(workspaceId, plans), this.ruleSettings(workspaceId, now)]);
    const activations = this.activations(workspaceId);
    const run: ProfileRun = { workspaceId, now, subjects, rules, activations, workspaceEvents: this.eventNames(workspaceId) };
    const scores = await this.scoreProfiles(run, plans, step);
    // After the profiles' reads, not beside them: those already use every connection a run has.
    const previous = await loadPreviousStates(this.reads, workspaceId, defaultPlan.profile.id);
    const { checklist } = await activations();
    const { changes, signals } = await this.writes.run(async (writes) => {
      await writes.scoringLock.lock(workspaceId);
      for (const profileScores of scores) {
        await writeProfileScores(writes, workspaceId, profileScores);
        step('write', profileScores.plan.profile.name);
      }
      await writes.scoreHistory.deleteBefore(workspaceId, historyCutoff(now));
      const defaultScores = scores.find((entry) => entry.plan === defaultPlan) ?? scores[0];
      const segmentChanges = await updateSegments(writes, workspaceId, defaultScores.accounts, traitsById(subjects.accounts), rules);
      const input = { workspaceId, now, scores: defaultScores, previous, changes: segmentChanges, checklist };
      return { changes: segmentChanges, signals: await recordRunSignals(writes, input) };
    });
    step('segments');
    return summarizeRun(workspaceId, now, scores, changes, signals);
  }

  private async scoreProfiles(run: ProfileRun, plans: readonly ProfilePlan[], step: ScoringStep): Promise<ProfileScores[]> {
    const { workspaceId, now, subjects, rules, activations, workspaceEvents } = run;
    const scores: ProfileScores[] = [];
    for (const plan of plans) {
      const scope = plan.filter === null ? null : filterScope(plan.filter, subjects, rules);
      scores.push(await computeProfileScores(this.reads, { workspaceId, plan, scope, now, workspaceEvents, activations }));
      step('score', plan.profile.name);
    }
    return scores;
  }

  /** Every workspace in turn; one failing does not keep the others from being scored. */
  async scoreAllWorkspaces(now: Date): Promise<{ scored: string[]; failed: { workspace_id: string; error: string }[] }> {
    const scored: string[] = [];
    const failed: { workspace_id: string; error: string }[] = [];
    for (const workspaceId of await this.reads.workspaces.listIds()) {
      try {
        await this.scoreWorkspace(workspaceId, now);
        scored.push(workspaceId);
      } catch (error) {
        failed.push({ workspace_id: workspaceId, error: error instanceof Error ? error.message : String(error) });
      }
    }
    return { scored, failed };
  }

  /** Account traits serve the segments; users and memberships are read only for trait filters. */
  private async loadSubjects(workspaceId: string, plans: readonly ProfilePlan[]): Promise<ScoringSubjects> {
    const { subjects } = this.reads;
    const filtered = plans.some((plan) => plan.filter !== null);
    const [accounts, users, memberships] = await Promise.all([
      subjects.accounts(workspaceId),
      filtered ? subjects.identifiedUsers(workspaceId) : [],
      filtered ? subjects.memberships(workspaceId) : [],
    ]);
    return { accounts, users, memberships };
  }

  /** How rules read traits: the workspace's trait types and created-at trait, relative dates from `now`. */
  private async ruleSettings(workspaceId: string, now: Date): Promise<SegmentContext> {
    const [traitTypes, accounts] = await Promise.all([
      this.reads.traitTypes.list(workspaceId),
      this.reads.workspaces.accountSettings(workspaceId),
    ]);
    return { now, traitTypes, createdAtTrait: accounts?.createdAtTrait ?? null };
  }

  /** Read at most once per run, and only if a profile scores every event. */
  private eventNames(workspaceId: string): () => Promise<readonly string[]> {
    let names: Promise<string[]> | undefined;
    return () => (names ??= this.reads.features.eventNames(workspaceId));
  }

  /** Read once per run, when the first profile is scored (activation does not depend on the profile). */
  private activations(workspaceId: string): () => Promise<Activations> {
    let activations: Promise<Activations> | undefined;
    return () => (activations ??= loadActivations(this.reads, workspaceId));
  }
}
