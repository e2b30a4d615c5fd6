import { CoilError } from '@coil/domain';
import type { UnitOfWork } from '@coil/database';
import { activationStepLabel, type ActivationChecklist, type ActivationStep } from '@coil/scoring';
import { requireWorkspace, type WorkspaceDirectory } from '@coil/workspaces';
import type { ActivationChecklistRepository } from '../repositories/activation-checklist.repository';
import { changeSettings, type SettingsRepositories } from '../repositories/settings-repositories';
import { parseActivationSteps } from './activation-steps';

export const MAX_PER_USER = 1000;

export interface ActivationStepView {
  /** As `--steps` takes it and as `completed` / `missing` list it, e.g. `Invite Sent>=3`. */
  readonly label: string;
  readonly kind: ActivationStep['kind'];
  readonly name: string;
  readonly min_count: number;
}

/** A workspace's checklist; no steps (and per_user null) when it has none. */
export interface ActivationView {
  readonly workspace_id: string;
  readonly steps: ActivationStepView[];
  /** Users an account needs activated each; null: its users together do every step. */
  readonly per_user: number | null;
}

export interface ActivationCleared {
  readonly workspace_id: string;
  /** False when there was no checklist to clear. */
  readonly cleared: boolean;
}

/** `activation set|show|clear`: the workspace's activation checklist (parity.md, "Activation"). */
export class ActivationSettings {
  constructor(
    private readonly workspaces: WorkspaceDirectory,
    private readonly checklists: Pick<ActivationChecklistRepository, 'get'>,
    private readonly settings: UnitOfWork<SettingsRepositories>,
  ) {}

  async set(workspace: string, stepsText: string, options: { perUser?: number } = {}): Promise<ActivationView> {
    const workspaceId = await requireWorkspace(this.workspaces, workspace);
    const steps = parseActivationSteps(stepsText);
    const checklist: ActivationChecklist = { steps, requiredUsers: options.perUser === undefined ? null : parsePerUser(options.perUser) };
    await changeSettings(this.settings, workspaceId, async ({ features, activationChecklists }) => {
      const known = (await features.list(workspaceId)).map((feature) => feature.name);
      requireFeatures(workspaceId, steps, known);
      await activationChecklists.set(workspaceId, checklist);
    });
    return activationView(workspaceId, checklist);
  }

  async show(workspace: string): Promise<ActivationView> {
    const workspaceId = await requireWorkspace(this.workspaces, workspace);
    return activationView(workspaceId, await this.checklists.get(workspaceId));
  }

  async clear(workspace: string): Promise<ActivationCleared> {
    const workspaceId = await requireWorkspace(this.workspaces, workspace);
    const cleared = await changeSettings(this.settings, workspaceId, ({ activationChecklists }) => activationChecklists.clear(workspaceId));
    return { workspace_id: workspaceId, cleared };
  }
}

/** `--per-user N`: an integer from 1 to 1000. */
export function parsePerUser(raw: string | number): number {
  const count = typeof raw === 'number' ? raw : /^\d{1,4}$/.test(raw.trim()) ? Number(raw) : NaN;
  if (!Number.isInteger(count) || count < 1 || count > MAX_PER_USER) {
    throw new CoilError('bad_request', 'invalid_parameter', `per-user must be an integer from 1 to ${MAX_PER_USER}, got "${raw}"`);
  }
  return count;
}

/** A feature step must name a feature of the workspace (checked under the lock, so none vanishes meanwhile). */
function requireFeatures(workspaceId: string, steps: readonly ActivationStep[], known: readonly string[]): void {
  const missing = steps.find((step) => step.kind === 'feature' && !known.includes(step.name));
  if (missing === undefined) return;
  throw new CoilError(
    'bad_request',
    'unknown_feature',
    `activation step "${activationStepLabel(missing)}": workspace ${workspaceId} has no feature "${missing.name}"`,
    { feature: missing.name, available: [...known] },
  );
}

function activationView(workspaceId: string, checklist: ActivationChecklist | null): ActivationView {
  return {
    workspace_id: workspaceId,
    steps: (checklist?.steps ?? []).map((step) => ({
      label: activationStepLabel(step),
      kind: step.kind,
      name: step.name,
      min_count: step.minCount,
    })),
    per_user: checklist?.requiredUsers ?? null,
  };
}
