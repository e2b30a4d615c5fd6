import { startApi, type ApiHarness } from './api-harness';

let api: ApiHarness;
beforeAll(async () => {
  api = await startApi();
});
afterAll(() => api.close());

type Schema = { type?: string; properties?: Record<string, Schema>; items?: Schema; enum?: string[]; nullable?: boolean; title?: string };

type OpenApiDocument = {
  openapi: string;
  info: { title: string };
  paths: Record<
    string,
    Record<
      string,
      {
        parameters: { name: string; required: boolean }[];
        responses: Record<
          string,
          { content?: Record<string, { schema?: Schema; example?: unknown; examples?: Record<string, { value: unknown }> }> }
        >;
      }
    >
  >;
  components: { securitySchemes: Record<string, unknown> };
};

describe('OpenAPI', () => {
  it('/docs-json is an OpenAPI 3 document of the read endpoints, with the spec examples', async () => {
    const response = await api.get('/docs-json', null);
    expect(response.status).toBe(200);
    const document = response.body as unknown as OpenApiDocument;
    expect(document.openapi).toMatch(/^3\./);
    expect(document.info.title).toBe('Coil read API');
    expect(
      Object.keys(document.paths)
        .filter((path) => path.startsWith('/v1/'))
        .sort(),
    ).toEqual([
      '/v1/accounts',
      '/v1/accounts/explain',
      '/v1/accounts/export.csv',
      '/v1/accounts/features',
      '/v1/accounts/history',
      '/v1/accounts/list',
      '/v1/accounts/users',
      '/v1/destinations',
      '/v1/features',
      '/v1/me',
      '/v1/segments',
      '/v1/settings',
      '/v1/signals',
      '/v1/users',
      '/v1/users/history',
      '/v1/workspace/history',
    ]);
    expect(document.components.securitySchemes).toHaveProperty('bearer');

    const accounts = document.paths['/v1/accounts'].get;
    expect(accounts.parameters.map((p) => [p.name, p.required])).toEqual([
      ['workspace_id', true],
      ['id', false],
      ['match_type', false],
      ['match_value', false],
      ['expand', false],
      ['profile', false],
    ]);
    expect(accounts.responses['200'].content?.['application/json'].example).toMatchObject({ id: '456', tracking_id: 'ext-12345' });
    expect(accounts.responses['401'].content?.['application/json'].examples?.unauthorized.value).toEqual({
      error: { message: 'Invalid or expired token', status: 'unauthorized', code: 'unauthorized' },
    });
    expect(Object.keys(accounts.responses).sort()).toEqual(['200', '400', '401', '404', '409', '429']);
  });

  it('/docs serves Swagger UI and its assets', async () => {
    const page = await api.app.inject({ method: 'GET', url: '/docs' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.body).toContain('/docs/swagger-ui-bundle.js');
    for (const asset of ['/docs/swagger-ui.css', '/docs/swagger-ui-bundle.js', '/docs/swagger-ui-init.js']) {
      expect((await api.app.inject({ method: 'GET', url: asset })).statusCode).toBe(200);
    }
  });

  it('documents the new metrics, history and features endpoints with their parameters and errors', async () => {
    const document = (await api.get('/docs-json', null)).body as unknown as OpenApiDocument;
    const parameters = (path: string) => document.paths[path].get.parameters.map((p) => [p.name, p.required]);
    const lookup = [
      ['workspace_id', true],
      ['id', false],
      ['match_type', false],
      ['match_value', false],
    ];
    expect(parameters('/v1/accounts/history')).toEqual([...lookup, ['days', false], ['profile', false]]);
    expect(parameters('/v1/users/history')).toEqual([...lookup, ['days', false], ['profile', false]]);
    expect(parameters('/v1/accounts/features')).toEqual([...lookup, ['days', false], ['profile', false]]);
    expect(parameters('/v1/workspace/history')).toEqual([
      ['workspace_id', true],
      ['days', false],
      ['profile', false],
    ]);
    expect(parameters('/v1/features')).toEqual([
      ['workspace_id', true],
      ['days', false],
      ['profile', false],
    ]);
    expect(parameters('/v1/users')).toEqual([...lookup, ['expand', false], ['profile', false]]);
    expect(parameters('/v1/accounts/explain')).toEqual([...lookup, ['profile', false]]);
    expect(parameters('/v1/accounts/list').slice(-1)).toEqual([['profile', false]]);
    for (const path of ['/v1/accounts/history', '/v1/users/history', '/v1/accounts/features', '/v1/accounts/explain']) {
      expect(Object.keys(document.paths[path].get.responses).sort()).toEqual(['200', '400', '401', '404', '409', '429']);
    }
    for (const path of ['/v1/workspace/history', '/v1/features']) {
      expect(Object.keys(document.paths[path].get.responses).sort()).toEqual(['200', '400', '401', '404', '429']);
    }

    const accounts = document.paths['/v1/accounts'].get.responses;
    expect(accounts['400'].content?.['application/json'].examples?.unknown_profile.value).toEqual({
      error: {
        message: 'unknown profile "paid only"',
        status: 'bad_request',
        code: 'invalid_parameter',
        details: { parameter: 'profile', available: ['default', 'admins'] },
      },
    });
    const metrics = accounts['200'].content?.['application/json'].schema?.properties?.metrics.properties ?? {};
    expect(Object.keys(metrics).slice(-7)).toEqual([
      'frequency',
      'adoption_rate',
      'lifetime_adoption_rate',
      'last_active',
      'trend',
      'activation',
      'profile',
    ]);
    expect(metrics.trend.enum).toEqual(['hot', 'cold', 'steady']);
    expect(metrics.activation).toMatchObject({ type: 'object', title: 'Activation', nullable: true });
    expect(Object.keys(metrics.activation.properties ?? {})).toEqual(['rate', 'completed', 'missing', 'activated_at']);
    const users =
      document.paths['/v1/users'].get.responses['200'].content?.['application/json'].schema?.properties?.metrics.properties ?? {};
    expect(Object.keys(users)).toContain('engagement_score_change');
    const history = document.paths['/v1/accounts/history'].get.responses['200'].content?.['application/json'].schema;
    expect(Object.keys(history?.properties?.points.items?.properties ?? {})).toEqual([
      'day',
      'engagement_score',
      'raw_score',
      'active_users',
      'scoring_profile_events',
    ]);
    const features = document.paths['/v1/features'].get.responses['200'].content?.['application/json'].schema;
    expect(Object.keys(features?.properties?.features.items?.properties ?? {})).toEqual(['name', 'events', 'days', 'totals']);
  });

  it('documents the signal feed and the destinations', async () => {
    const document = (await api.get('/docs-json', null)).body as unknown as OpenApiDocument;
    const signals = document.paths['/v1/signals'].get;
    expect(signals.parameters.map((p) => [p.name, p.required])).toEqual([
      ['workspace_id', true],
      ['since', false],
      ['kind', false],
      ['account_id', false],
      ['limit', false],
      ['cursor', false],
    ]);
    expect(Object.keys(signals.responses).sort()).toEqual(['200', '400', '401', '404', '429']);
    const body = signals.responses['200'].content?.['application/json'];
    expect(body?.schema?.properties?.signals.items?.properties?.kind.enum).toContain('feature_first_used');
    expect(body?.example).toMatchObject({ signals: [{ kind: 'segment_entered' }, { kind: 'score_changed' }], next_cursor: null });
    const destinations = document.paths['/v1/destinations'].get;
    expect(destinations.parameters.map((p) => p.name)).toEqual(['workspace_id']);
    const properties = destinations.responses['200'].content?.['application/json'].schema?.properties?.destinations.items?.properties ?? {};
    expect(Object.keys(properties)).toEqual(expect.arrayContaining(['url', 'last_attempt', 'pending', 'failing_since']));
    expect(Object.keys(properties)).not.toContain('secret');
  });

  it('documents the explanation: the endpoint, the expand block of accounts and users, and an example that adds up', async () => {
    const document = (await api.get('/docs-json', null)).body as unknown as OpenApiDocument;
    const explain = document.paths['/v1/accounts/explain'].get.responses['200'].content?.['application/json'];
    expect(Object.keys(explain?.schema?.properties ?? {})).toEqual([
      'id',
      'profile',
      'time_frame',
      'raw_score',
      'benchmark',
      'engagement_score',
      'contributions',
      'change',
      'filters_applied',
    ]);
    const example = explain?.example as {
      raw_score: number;
      engagement_score: number;
      benchmark: { p90: number; formula: string };
      contributions: { points: number; share: number }[];
    };
    expect(example.raw_score).toBe(187);
    expect(example.contributions.reduce((sum, c) => sum + c.points, 0)).toBe(example.raw_score);
    expect(Math.abs(example.contributions.reduce((sum, c) => sum + c.share, 0) - 1)).toBeLessThan(1e-9);
    // The published formula, applied to the example's numbers, gives its score.
    const { p90 } = example.benchmark;
    expect(Math.round(10 * (1 + 99 * (1 - Math.exp((-Math.LN10 * example.raw_score) / p90)))) / 10).toBe(example.engagement_score);
    const accounts = document.paths['/v1/accounts'].get.responses['200'].content?.['application/json'].schema;
    expect(accounts?.properties?._expansions.properties?.available.items?.enum).toEqual(['traits', 'segments', 'insights', 'explanation']);
    expect(Object.keys(accounts?.properties?.explanation.properties ?? {})).toContain('contributions');
    const users = document.paths['/v1/users'].get.responses['200'].content?.['application/json'].schema;
    expect(users?.properties?.explanation.nullable).toBe(true);
    expect(users?.properties?._expansions.properties?.available.items?.enum).toEqual(['explanation']);
  });
});
