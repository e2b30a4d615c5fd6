import type { ActivationChecklist, ActivationStep } from '@coil/scoring';
import type { SqlClient } from '@coil/database';

interface StoredStep {
  kind: ActivationStep['kind'];
  name: string;
  min_count: number;
}

/** activation_checklists: one checklist per workspace, steps stored as JSON in checklist order. */
export class ActivationChecklistRepository {
  constructor(private readonly db: SqlClient) {}

  /** Null when the workspace has no checklist. */
  async get(workspaceId: string): Promise<ActivationChecklist | null> {
    const result = await this.db.query<{ steps: StoredStep[]; requiredUsers: number | null }>(
      'SELECT steps, required_users AS "requiredUsers" FROM activation_checklists WHERE workspace_id = $1',
      [workspaceId],
    );
    const row = result.rows[0];
    if (row === undefined) return null;
    return {
      steps: row.steps.map((step) => ({ kind: step.kind, name: step.name, minCount: step.min_count })),
      requiredUsers: row.requiredUsers,
    };
  }

  async set(workspaceId: string, checklist: ActivationChecklist): Promise<void> {
    const steps: StoredStep[] = checklist.steps.map((step) => ({ kind: step.kind, name: step.name, min_count: step.minCount }));
    await this.db.query(
      `INSERT INTO activation_checklists (workspace_id, steps, required_users, updated_at) VALUES ($1, $2::jsonb, $3, now())
       ON CONFLICT (workspace_id) DO UPDATE SET steps = EXCLUDED.steps, required_users = EXCLUDED.required_users, updated_at = now()`,
      [workspaceId, JSON.stringify(steps), checklist.requiredUsers],
    );
  }

  /** True when there was a checklist to remove. */
  async clear(workspaceId: string): Promise<boolean> {
    const result = await this.db.query('DELETE FROM activation_checklists WHERE workspace_id = $1', [workspaceId]);
    return result.rowCount === 1;
  }
}
