import type { Pool } from 'pg';
import { loadConfig, type CoilConfig } from '@coil/platform';
import { createPgPool } from '@coil/database';
import { createWorkspaceAdmin, type WorkspaceAdmin } from '@coil/workspaces';

// One command at a time: a couple of connections is plenty.
const CLI_POOL_SIZE = 2;

/**
 * What command groups need from the outside world, opened only when a command runs so that
 * usage errors and --help never touch the database.
 */
export class CliContext {
  private loaded: CoilConfig | undefined;
  private opened: Pool | undefined;

  config(): CoilConfig {
    this.loaded ??= loadConfig();
    return this.loaded;
  }

  pool(): Pool {
    this.opened ??= createPgPool(this.config().databaseUrl, { max: CLI_POOL_SIZE });
    return this.opened;
  }

  workspaceAdmin(): WorkspaceAdmin {
    return createWorkspaceAdmin(this.pool());
  }

  async close(): Promise<void> {
    await this.opened?.end();
  }
}
