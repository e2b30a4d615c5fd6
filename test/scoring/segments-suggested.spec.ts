import fs from 'node:fs';
import path from 'node:path';
import { SUGGESTED_SEGMENTS, type SegmentDefinition } from '@coil/scoring';
import { createScoringRunner } from '@coil/scoring-pass';
import { createSettings, SegmentRepository } from '@coil/settings';
import { ScoringFixture } from './support/scoring-fixture';

const MIGRATION = path.resolve(__dirname, '../../prisma/migrations/20261202000000_engagement_model/migration.sql');

/** The rows of the migration's suggested_catalogue, in position order. */
function migrationCatalogue(): SegmentDefinition[] {
  const sql = fs.readFileSync(MIGRATION, 'utf8');
  const values = sql.slice(
    sql.indexOf('INSERT INTO "suggested_catalogue" VALUES'),
    sql.indexOf(';', sql.indexOf('INSERT INTO "suggested_catalogue"')),
  );
  const text = "'((?:[^']|'')*)'";
  const rows = [...values.matchAll(new RegExp(`\\((\\d+), ${text}, ${text}, (?:NULL|${text})\\)`, 'g'))];
  return rows
    .map((row) => ({ position: Number(row[1]), name: row[2].replaceAll("''", "'"), rule: row[3].replaceAll("''", "'") }))
    .sort((a, b) => a.position - b.position)
    .map(({ name, rule }) => ({ name, rule }));
}

describe('suggested segments', () => {
  const fixture = new ScoringFixture();
  const settings = createSettings(fixture.pool);
  const repository = new SegmentRepository(fixture.pool);
  const runner = createScoringRunner(fixture.pool);
  const names = async (workspaceId: string): Promise<string[]> =>
    (await settings.segments.list(workspaceId)).map((segment) => segment.name);

  afterAll(() => fixture.close());

  it('are the catalogue the migration gave existing workspaces, name for name and rule for rule', () => {
    expect(migrationCatalogue()).toEqual(SUGGESTED_SEGMENTS);
    expect(SUGGESTED_SEGMENTS).toHaveLength(13);
  });

  it('are given once: a deleted suggestion stays deleted through lists and scoring runs', async () => {
    const workspaceId = await fixture.workspace();
    expect(await names(workspaceId)).toEqual(SUGGESTED_SEGMENTS.map((segment) => segment.name));
    await settings.segments.delete(workspaceId, { name: 'Dormant' });
    await settings.segments.delete(workspaceId, { name: 'Mature' });

    await runner.scoreWorkspace(workspaceId, new Date('2025-09-21T08:00:00Z'));
    await repository.ensureSuggested(workspaceId);

    const left = await names(workspaceId);
    expect(left).toHaveLength(11);
    expect(left).not.toContain('Dormant');
    expect(left).not.toContain('Mature');
  });

  it('are given by the first scoring run of a workspace nobody listed segments for', async () => {
    const workspaceId = await fixture.workspace();
    await runner.scoreWorkspace(workspaceId, new Date('2025-09-21T08:00:00Z'));
    const stored = await fixture.pool.query<{ name: string; builtin: boolean }>(
      'SELECT name, builtin FROM segments WHERE workspace_id = $1 ORDER BY id',
      [workspaceId],
    );
    expect(stored.rows).toEqual(SUGGESTED_SEGMENTS.map((segment) => ({ name: segment.name, builtin: true })));
  });

  it('are inserted exactly once when callers race', async () => {
    const workspaceId = await fixture.workspace();
    await Promise.all(Array.from({ length: 6 }, () => repository.ensureSuggested(workspaceId)));
    const count = await fixture.pool.query<{ count: number }>('SELECT count(*)::int AS count FROM segments WHERE workspace_id = $1', [
      workspaceId,
    ]);
    expect(count.rows[0].count).toBe(13);
  });

  it("keep a segment the user made with a suggestion's name, and skip workspaces that already had them", async () => {
    const fresh = await fixture.workspace();
    await fixture.pool.query("INSERT INTO segments (workspace_id, name, rule) VALUES ($1, 'New', 'plan = new')", [fresh]);
    const listed = await settings.segments.list(fresh);
    expect(listed).toHaveLength(13);
    expect(listed.find((segment) => segment.name === 'New')).toMatchObject({ rule: 'plan = new', builtin: false });

    const given = await fixture.workspace();
    await fixture.pool.query('UPDATE workspaces SET suggested_segments_at = now() WHERE workspace_id = $1', [given]);
    expect(await names(given)).toEqual([]);
  });
});
