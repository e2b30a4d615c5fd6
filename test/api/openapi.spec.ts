import { startApi, type ApiHarness } from './api-harness';

let api: ApiHarness;
beforeAll(async () => {
  api = await startApi();
});
afterAll(() => api.close());

type OpenApiDocument = {
  openapi: string;
  info: { title: string };
  paths: Record<
    string,
    Record<
      string,
      {
        parameters: { name: string; required: boolean }[];
        responses: Record<string, { content?: Record<string, { example?: unknown; examples?: Record<string, { value: unknown }> }> }>;
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
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/v1/accounts', '/v1/accounts/list', '/v1/users']));
    expect(document.components.securitySchemes).toHaveProperty('bearer');

    const accounts = document.paths['/v1/accounts'].get;
    expect(accounts.parameters.map((p) => [p.name, p.required])).toEqual([
      ['workspace_id', true],
      ['id', false],
      ['match_type', false],
      ['match_value', false],
      ['expand', false],
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
});
