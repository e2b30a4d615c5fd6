import { CoilError, parseId, parseName } from '@coil/domain';
import type { RepositoryShape, UnitOfWork } from '@coil/database';
import { parseRule, RuleParseError } from '@coil/scoring';
import { requireWorkspace, type WorkspaceDirectory } from '@coil/workspaces';
import type { SegmentRecord, SegmentRepository } from '../repositories/segment.repository';
import { changeSettings, type SettingsRepositories } from '../repositories/settings-repositories';

export interface SegmentView {
  readonly id: string;
  readonly name: string;
  readonly rule: string;
  readonly builtin: boolean;
  readonly members: number;
}

export type SegmentRef = { readonly id: string } | { readonly name: string };

/**
 * `segment create|list|delete`. A new workspace gets the suggested segments first (once), so
 * creating a custom segment never keeps them from it.
 */
export class SegmentSettings {
  constructor(
    private readonly workspaces: WorkspaceDirectory,
    private readonly segments: RepositoryShape<SegmentRepository>,
    private readonly settings: UnitOfWork<SettingsRepositories>,
  ) {}

  async create(workspace: string, name: string, rule: string): Promise<SegmentView> {
    const workspaceId = await requireWorkspace(this.workspaces, workspace);
    const segmentName = parseName(name, 'segment name');
    const ruleText = validRule(rule);
    return changeSettings(this.settings, workspaceId, async ({ segments }) => {
      await segments.ensureSuggested(workspaceId);
      const created = await segments.insert(workspaceId, segmentName, ruleText);
      if (created === undefined) {
        throw new CoilError('conflict', 'invalid_parameter', `segment "${segmentName}" already exists in workspace ${workspaceId}`);
      }
      return segmentView(created);
    });
  }

  async list(workspace: string): Promise<SegmentView[]> {
    const workspaceId = await requireWorkspace(this.workspaces, workspace);
    await this.segments.ensureSuggested(workspaceId);
    return (await this.segments.list(workspaceId)).map(segmentView);
  }

  /** Deletes the segment with its membership history. */
  async delete(workspace: string, ref: SegmentRef): Promise<SegmentView> {
    const workspaceId = await requireWorkspace(this.workspaces, workspace);
    const target = 'id' in ref ? { id: parseId(ref.id, 'segment id') } : { name: parseName(ref.name, 'segment name') };
    const deleted = await changeSettings(this.settings, workspaceId, ({ segments }) => segments.delete(workspaceId, target));
    if (deleted === undefined) throw new CoilError('not_found', 'not_found', `no such segment in workspace ${workspaceId}`);
    return segmentView(deleted);
  }
}

function validRule(rule: string): string {
  try {
    parseRule(rule);
    return rule.trim();
  } catch (error) {
    if (!(error instanceof RuleParseError)) throw error;
    throw new CoilError('bad_request', 'invalid_parameter', `invalid rule: ${error.message}`, { position: error.position });
  }
}

function segmentView(record: SegmentRecord): SegmentView {
  return { id: record.id, name: record.name, rule: record.rule, builtin: record.builtin, members: record.members };
}
