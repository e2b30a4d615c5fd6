import { CoilError } from '@coil/domain';
import type { RepositoryShape, UnitOfWork } from '@coil/database';
import { INVALID, isTraitDataType, parseTraitValue, TRAIT_DATA_TYPES, type TraitDataType } from '@coil/scoring';
import { requireWorkspace, type WorkspaceDirectory } from '@coil/workspaces';
import type { TraitTypeRepository } from '../repositories/trait-type.repository';
import type { TraitHolder, TraitValueRepository, TypedTraitValue } from '../repositories/trait-value.repository';
import { changeSettings, type SettingsRepositories } from '../repositories/settings-repositories';
import { parseTraitKey } from './settings-input';

export interface TraitTypeView {
  readonly key: string;
  readonly type: TraitDataType;
}

/** Values of one typed key, held by users or by accounts, that do not parse as its type. */
export interface TraitTypeProblem {
  readonly key: string;
  readonly type: TraitDataType;
  readonly subject: TraitHolder;
  /** Users or accounts holding such a value. */
  readonly count: number;
  /** Up to SAMPLE_VALUES of those values as stored, most held first. */
  readonly samples: unknown[];
}

export interface TraitTypeCheck {
  readonly workspace_id: string;
  readonly typed_keys: number;
  readonly problems: TraitTypeProblem[];
}

export const SAMPLE_VALUES = 5;

/**
 * `trait type set|list` and `trait types check`: the data type of trait keys, which rules and
 * profile filters compare by. Keys without a type are strings.
 */
export class TraitTypeSettings {
  constructor(
    private readonly workspaces: WorkspaceDirectory,
    private readonly traitTypes: Pick<TraitTypeRepository, 'list'>,
    private readonly traitValues: RepositoryShape<TraitValueRepository>,
    private readonly settings: UnitOfWork<SettingsRepositories>,
  ) {}

  /** `string` removes the key's type (strings are the default); the change waits for a running scoring pass. */
  async set(workspace: string, key: string, type: string): Promise<TraitTypeView & { workspace_id: string }> {
    const workspaceId = await requireWorkspace(this.workspaces, workspace);
    const traitKey = parseTraitKey(key);
    const dataType = parseTraitDataType(type);
    await changeSettings(this.settings, workspaceId, ({ traitTypes }) => traitTypes.set(workspaceId, traitKey, dataType));
    return { workspace_id: workspaceId, key: traitKey, type: dataType };
  }

  async list(workspace: string): Promise<TraitTypeView[]> {
    const workspaceId = await requireWorkspace(this.workspaces, workspace);
    const types = await this.traitTypes.list(workspaceId);
    return [...types].map(([key, type]) => ({ key, type }));
  }

  /** Per typed key and subject, the values that do not parse; keys whose values all parse are not listed. */
  async check(workspace: string): Promise<TraitTypeCheck> {
    const workspaceId = await requireWorkspace(this.workspaces, workspace);
    const [types, values] = await Promise.all([this.traitTypes.list(workspaceId), this.traitValues.distinctTypedValues(workspaceId)]);
    return { workspace_id: workspaceId, typed_keys: types.size, problems: problemsIn(values) };
  }
}

function parseTraitDataType(raw: string): TraitDataType {
  const type = raw.trim();
  if (isTraitDataType(type)) return type;
  throw new CoilError('bad_request', 'invalid_parameter', `unknown trait type "${raw}": use one of ${TRAIT_DATA_TYPES.join(', ')}`, {
    parameter: 'type',
    available: [...TRAIT_DATA_TYPES],
  });
}

/** Groups the values that parse as INVALID by (key, subject), keeping the order they came in. */
function problemsIn(values: readonly TypedTraitValue[]): TraitTypeProblem[] {
  const problems = new Map<string, TraitTypeProblem>();
  for (const entry of values) {
    if (parseTraitValue(entry.value, entry.type) !== INVALID) continue;
    const id = JSON.stringify([entry.key, entry.subject]);
    const problem = problems.get(id) ?? { key: entry.key, type: entry.type, subject: entry.subject, count: 0, samples: [] };
    const samples = problem.samples.length < SAMPLE_VALUES ? [...problem.samples, entry.value] : problem.samples;
    problems.set(id, { ...problem, count: problem.count + entry.count, samples });
  }
  return [...problems.values()];
}
