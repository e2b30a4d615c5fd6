import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { serveSwaggerUi } from './swagger-ui-routes';

export interface OpenApiOptions {
  title: string;
  description: string;
  version: string;
  /** Security schemes the app's routes name with @ApiBearerAuth() / @ApiBasicAuth(). */
  auth: ReadonlyArray<'bearer' | 'basic'>;
}

/**
 * Serves the document generated from the app's controllers at /docs (Swagger UI) and
 * /docs-json. Call before app.init(): the routes join the Fastify instance before it starts.
 */
export function setupOpenApi(app: NestFastifyApplication, options: OpenApiOptions): OpenAPIObject {
  let builder = new DocumentBuilder().setTitle(options.title).setDescription(options.description).setVersion(options.version);
  if (options.auth.includes('bearer')) builder = builder.addBearerAuth();
  if (options.auth.includes('basic')) builder = builder.addBasicAuth();
  const document = SwaggerModule.createDocument(app, builder.build());
  SwaggerModule.setup('docs', app, document, { ui: false, jsonDocumentUrl: 'docs-json', yamlDocumentUrl: 'docs-yaml' });
  serveSwaggerUi(app, options.title);
  return document;
}
