import { loadConfig } from '@coil/platform';
import { createPrismaClient, type PrismaClient } from '@coil/database';
import { WorkspaceAdmin } from '@coil/workspaces';

// One command at a time: a couple of connections is plenty.
const CLI_POOL_SIZE = 2;

/**
 * What command groups need from the outside world, opened only when a command runs so that
 * usage errors and --help never touch the database.
 */
export class CliContext {
  private prisma: PrismaClient | undefined;

  database(): PrismaClient {
    this.prisma ??= createPrismaClient(loadConfig().databaseUrl, CLI_POOL_SIZE);
    return this.prisma;
  }

  workspaceAdmin(): WorkspaceAdmin {
    return new WorkspaceAdmin(this.database());
  }

  async close(): Promise<void> {
    await this.prisma?.$disconnect();
  }
}
