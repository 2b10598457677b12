/**
 * @module control/openapi-query
 * The OpenAPI `in: query` parameters of a route, generated from the parameters it declares
 * (`Route.query`, http/query-params.ts): the document lists exactly what the dispatcher accepts.
 */
import type { Route } from '../http/api.js';
import type { QueryParam } from '../http/query-params.js';

function schemaOf(p: QueryParam): Record<string, unknown> {
  switch (p.kind) {
    case 'integer':
      // A runtime-dependent maximum (the journal capacity) is left to the description.
      return {
        type: 'integer',
        minimum: p.min,
        ...(typeof p.max === 'number' ? { maximum: p.max } : {}),
      };
    case 'boolean':
      return { type: 'boolean' };
    case 'enum':
      return { type: 'string', enum: [...p.values] };
    default:
      return { type: 'string', minLength: 1, ...(p.pattern ? { pattern: p.pattern.source } : {}) };
  }
}

export function queryParameters(route: Route): Array<Record<string, unknown>> {
  return Object.entries(route.query ?? {}).map(([name, p]) => ({
    name,
    in: 'query',
    required: false,
    schema: schemaOf(p),
    description: p.description,
  }));
}
