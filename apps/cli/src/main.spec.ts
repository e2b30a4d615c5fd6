import { parseJson, runCli } from '../../../test/support/cli';

describe('coil CLI', () => {
  let workspaceId: string;

  beforeAll(async () => {
    const created = parseJson<Record<string, string>>(await runCli(['workspace', 'create', '--name', 'CLI spec', '--json']));
    expect(Object.keys(created).sort()).toEqual(['api_key', 'api_token', 'workspace_id']);
    expect(created.api_key).toMatch(/^coil_ik_/);
    expect(created.api_token).toMatch(/^coil_rt_/);
    workspaceId = created.workspace_id;
  });

  it('lists the created workspace as JSON and as text', async () => {
    const [json, text] = await Promise.all([runCli(['workspace', 'list', '--json']), runCli(['workspace', 'list'])]);

    const listed = parseJson<Array<{ workspace_id: string; name: string }>>(json);
    expect(listed).toContainEqual(expect.objectContaining({ workspace_id: workspaceId, name: 'CLI spec' }));
    expect(text.stdout).toContain(`${workspaceId}\tCLI spec`);
  });

  it('creates and revokes an ingest key by the key, and a read token by id', async () => {
    const [key, token] = await Promise.all([
      runCli(['key', 'create', '--workspace', workspaceId, '--json']),
      runCli(['token', 'create', '--workspace', workspaceId, '--json']),
    ]);
    const issuedKey = parseJson<{ id: string; api_key: string }>(key);
    const issuedToken = parseJson<{ id: string; api_token: string }>(token);

    const [revokedKey, revokedToken] = await Promise.all([
      runCli(['key', 'revoke', '--workspace', workspaceId, '--key', issuedKey.api_key, '--json']),
      runCli(['token', 'revoke', '--workspace', workspaceId, '--id', issuedToken.id, '--json']),
    ]);

    expect(parseJson(revokedKey)).toMatchObject({ workspace_id: workspaceId, id: issuedKey.id });
    expect(parseJson(revokedToken)).toMatchObject({ workspace_id: workspaceId, id: issuedToken.id });
  });

  it('fails with a clear error and a non-zero exit for a missing workspace', async () => {
    const [json, text] = await Promise.all([
      runCli(['key', 'create', '--workspace', '8999999999999999999', '--json']),
      runCli(['token', 'create', '--workspace', '8999999999999999999']),
    ]);

    expect(json.code).not.toBe(0);
    expect(json.stdout).toBe('');
    expect(JSON.parse(json.stderr)).toMatchObject({ error: { code: 'not_found' } });
    expect(text.code).not.toBe(0);
    expect(text.stderr).toBe('error: workspace 8999999999999999999 not found\n');
  });

  it.each([
    ['a mistyped command', ['workspce', 'list']],
    ['an unknown option', ['workspace', 'list', '--jsn']],
    ['a missing required option', ['workspace', 'create', '--json']],
    ['a group without a command', ['key']],
    ['revoke without --id or --key', ['key', 'revoke', '--workspace', '1']],
    ['revoke with both --id and --token', ['token', 'revoke', '--workspace', '1', '--id', '1', '--token', 'x']],
  ])('prints usage and exits non-zero on %s', async (_, args) => {
    const run = await runCli(args);

    expect(run.code).not.toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/Usage: coil/);
  });
});
