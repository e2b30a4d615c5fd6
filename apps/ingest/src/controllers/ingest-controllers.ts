import { Controller, HttpCode, Inject, Post, Req, type Type } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { INGEST_ROUTES, type IngestClientFamily, type IngestRouteInfo } from '@coil/domain';
import { bodyBytes, bodyFormat } from '@coil/http';
import { ApiIngestRoute } from '../docs/ingest-route.decorator';
import { aliasDoc, INGEST_ROUTE_DOCS } from '../docs/ingest-route-docs';
import { IngestHandler, replyOf } from '../ingest-handler';

interface IngestController {
  readonly handler: IngestHandler;
}

/** POST /v1/batch -> 'postV1Batch': the handler's name, which OpenAPI operation ids are made of. */
function handlerName(info: IngestRouteInfo, path: string): string {
  return `${info.method}${path}`.toLowerCase().replace(/\/(.)/g, (_, first: string) => first.toUpperCase());
}

/** Adds one path of a route of the table to a controller, as @Post, @HttpCode and @ApiIngestRoute on a method would. */
function mountRoute(controller: Type<IngestController>, info: IngestRouteInfo, path: string): void {
  const prototype = controller.prototype as object;
  const name = handlerName(info, path);
  const reply = replyOf(info.route);
  const doc = path === info.path ? INGEST_ROUTE_DOCS[info.route] : aliasDoc(info);
  // A computed method name, so the function's own name (OpenAPI reads it) is the handler's.
  const { [name]: handler } = {
    [name](this: IngestController, request: FastifyRequest) {
      return this.handler.reply({
        route: info.route,
        authorization: request.headers.authorization,
        body: request.body,
        bodyBytes: bodyBytes(request),
        bodyFormat: bodyFormat(request),
      });
    },
  };
  const descriptor: PropertyDescriptor = { value: handler, writable: true, configurable: true };
  Object.defineProperty(prototype, name, descriptor);
  Req()(prototype, name, 0);
  for (const decorate of [Post(path), HttpCode(reply.status), ApiIngestRoute(doc, reply, info.body)]) {
    decorate(prototype, name, descriptor);
  }
}

/** One controller per client family (its OpenAPI tag), holding that family's routes of INGEST_ROUTES. */
function familyController(family: IngestClientFamily): Type<IngestController> {
  @ApiTags(family)
  @Controller()
  class FamilyController implements IngestController {
    constructor(@Inject(IngestHandler) readonly handler: IngestHandler) {}
  }
  Object.defineProperty(FamilyController, 'name', { value: `${family[0].toUpperCase()}${family.slice(1)}Controller` });
  for (const info of INGEST_ROUTES.filter((route) => route.family === family)) {
    for (const path of [info.path, ...info.aliases]) mountRoute(FamilyController, info, path);
  }
  return FamilyController;
}

const FAMILIES: readonly IngestClientFamily[] = [...new Set(INGEST_ROUTES.map((info) => info.family))];

/** The ingest routes, mounted from the one route table (libs/domain INGEST_ROUTES). */
export const INGEST_CONTROLLERS: readonly Type<IngestController>[] = FAMILIES.map(familyController);
