import { CoilError } from '@coil/domain';
import type { UnitOfWork } from '@coil/database';
import { requireWorkspace, type AccountSettings, type WorkspaceDirectory, type WorkspaceRepository } from '@coil/workspaces';
import { changeSettings, type SettingsRepositories } from '../repositories/settings-repositories';
import { parseTraitKey } from './settings-input';

/** Where a workspace's accounts come from: group calls only, or also a user trait. */
export type AccountSource = { readonly userTrait: string } | { readonly groupCalls: true };

/** `account traits`: a key sets the trait, null goes back to the default, absent leaves it. */
export interface AccountTraitsChange {
  readonly nameTrait?: string | null;
  readonly createdAtTrait?: string | null;
}

export interface AccountSettingsView {
  readonly workspace_id: string;
  readonly source: 'group_calls' | 'user_trait';
  /** User trait whose value is the tracking id of the user's account; null: group calls only. */
  readonly user_trait: string | null;
  /** Account display-name trait; null: `name`. */
  readonly name_trait: string | null;
  /** Account created-at trait; null: `createdAt` (or `created_at`). */
  readonly created_at_trait: string | null;
}

/**
 * `account source|traits|settings` (parity.md, "Accounts without group calls"). Stores the
 * settings only; the scoring pass's account-source sync turns them into accounts and memberships.
 */
export class AccountSettingsService {
  constructor(
    private readonly workspaces: WorkspaceDirectory & Pick<WorkspaceRepository, 'accountSettings'>,
    private readonly settings: UnitOfWork<SettingsRepositories>,
  ) {}

  async setSource(workspace: string, source: AccountSource): Promise<AccountSettingsView> {
    const workspaceId = await requireWorkspace(this.workspaces, workspace);
    const userTrait = 'userTrait' in source ? parseTraitKey(source.userTrait, 'user trait') : null;
    return this.change(workspaceId, { userTrait });
  }

  async setTraits(workspace: string, change: AccountTraitsChange): Promise<AccountSettingsView> {
    const workspaceId = await requireWorkspace(this.workspaces, workspace);
    const traits: { nameTrait?: string | null; createdAtTrait?: string | null } = {};
    if (change.nameTrait !== undefined) traits.nameTrait = optionalTraitKey(change.nameTrait, 'name trait');
    if (change.createdAtTrait !== undefined) traits.createdAtTrait = optionalTraitKey(change.createdAtTrait, 'created-at trait');
    if (Object.keys(traits).length === 0) {
      throw new CoilError('bad_request', 'invalid_parameter', 'give a name trait or a created-at trait to set or clear');
    }
    return this.change(workspaceId, traits);
  }

  async show(workspace: string): Promise<AccountSettingsView> {
    const workspaceId = await requireWorkspace(this.workspaces, workspace);
    const settings = await this.workspaces.accountSettings(workspaceId);
    // Gone between the guard and the read: the same answer the guard gives.
    if (settings === undefined) throw new CoilError('not_found', 'not_found', `workspace ${workspaceId} not found`);
    return accountSettingsView(workspaceId, settings);
  }

  private async change(workspaceId: string, change: Partial<AccountSettings>): Promise<AccountSettingsView> {
    const saved = await changeSettings(this.settings, workspaceId, ({ workspaces }) => workspaces.setAccountSettings(workspaceId, change));
    return accountSettingsView(workspaceId, saved);
  }
}

function optionalTraitKey(raw: string | null, what: string): string | null {
  return raw === null ? null : parseTraitKey(raw, what);
}

function accountSettingsView(workspaceId: string, settings: AccountSettings): AccountSettingsView {
  return {
    workspace_id: workspaceId,
    source: settings.userTrait === null ? 'group_calls' : 'user_trait',
    user_trait: settings.userTrait,
    name_trait: settings.nameTrait,
    created_at_trait: settings.createdAtTrait,
  };
}
