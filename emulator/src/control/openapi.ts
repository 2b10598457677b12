/**
 * @module control/openapi
 * `GET /_emulator/openapi.json`: one OpenAPI 3.0 document for the whole emulator, built from the
 * route table so it cannot drift: the control plane in detail under the `emulator` tag (as
 * Firebase's Auth emulator does, docs/reference/emulator-anchors.md §7.1), and every emulated Huawei path under
 * `iam` with its operation name and authentication (bodies: docs/architecture.md).
 */
import { json, type ApiRoute, type ControlRoute } from '../http/api.js';
import { CONTROL_TOKEN_HEADER } from '../http/control-access.js';
import { VERSION } from '../version.js';
import { CONTROL_COMMON_RESPONSES, CONTROL_OPERATIONS } from './openapi-control.js';
import { queryParameters } from './openapi-query.js';
import { ref, SCHEMAS } from './openapi-schemas.js';

export type OpenApiDocument = Record<string, unknown> & {
  paths: Record<string, Record<string, Record<string, unknown>>>;
};

/** `/v5/users/:user_id/x` → `/v5/users/{user_id}/x` */
export const openApiPath = (path: string) => path.replace(/:(\w+)/g, '{$1}');

const pathParams = (path: string) => [...path.matchAll(/:(\w+)/g)].map((m) => m[1] ?? '');

function controlOperation(route: ControlRoute): Record<string, unknown> {
  const spec = CONTROL_OPERATIONS[route.operation];
  if (!spec)
    throw new Error(
      `control route ${route.operation} has no OpenAPI entry (control/openapi-control.ts)`,
    );
  const responses: Record<string, unknown> = {
    ...CONTROL_COMMON_RESPONSES,
    ...(spec.responses as object),
  };
  if (route.openToHealthChecks) delete responses[401];
  // Health and readiness answer without the control token (a load balancer has none).
  const security = route.openToHealthChecks ? [{}] : [{}, { controlToken: [] }];
  const parameters = [
    ...((spec.parameters as unknown[] | undefined) ?? []),
    ...queryParameters(route),
  ];
  return {
    operationId: route.operation,
    tags: ['emulator'],
    ...spec,
    ...(parameters.length > 0 ? { parameters } : {}),
    responses,
    security,
  };
}

function huaweiOperation(route: ApiRoute): Record<string, unknown> {
  const op: Record<string, unknown> = {
    operationId: route.operation,
    tags: ['iam'],
    summary: `Huawei IAM ${route.operation}`,
    description:
      'Emulated Huawei Cloud API with its real rules; wire shapes in docs/architecture.md, errors in docs/errors.md.',
    responses: {
      default: {
        description: 'Huawei-shaped JSON, success or error (X-Request-Id header on every answer)',
        content: { 'application/json': { schema: ref('HuaweiBody') } },
      },
    },
  };
  const params = [
    ...pathParams(route.path).map((name) => ({
      name,
      in: 'path',
      required: true,
      schema: { type: 'string' },
    })),
    ...queryParameters(route),
  ];
  if (params.length > 0) op.parameters = params;
  if (route.method === 'POST' || route.method === 'PUT')
    op.requestBody = {
      required: false,
      content: { 'application/json': { schema: ref('HuaweiBody') } },
    };
  if (route.auth === 'required') op.security = [{ sdkHmac: [] }, { authToken: [] }];
  else if (route.auth === 'optional') op.security = [{}, { sdkHmac: [] }, { authToken: [] }];
  else op.security = [];
  return op;
}

export function openApiDocument(routes: readonly (ApiRoute | ControlRoute)[]): OpenApiDocument {
  const paths: OpenApiDocument['paths'] = {};
  for (const route of routes) {
    const item = (paths[openApiPath(route.path)] ??= {});
    item[route.method.toLowerCase()] = route.control
      ? controlOperation(route)
      : huaweiOperation(route);
  }
  return {
    openapi: '3.0.3',
    info: {
      title: 'iam-testbed: Huawei Cloud IAM emulator',
      version: VERSION,
      description:
        'The emulated Huawei IAM APIs (tag iam) and the emulator control plane under /_emulator (tag emulator). Guide: docs/control-plane.md.',
    },
    tags: [
      {
        name: 'emulator',
        description:
          'Control plane: health, tenants, reset, clock, codes, journal, faults, state, console sessions',
      },
      {
        name: 'iam',
        description: 'Emulated Huawei Cloud IAM paths (HEAD works wherever GET does)',
      },
    ],
    paths,
    components: {
      schemas: SCHEMAS,
      securitySchemes: {
        controlToken: {
          type: 'apiKey',
          in: 'header',
          name: CONTROL_TOKEN_HEADER,
          description: 'Required on /_emulator when started with --control-token',
        },
        sdkHmac: {
          type: 'apiKey',
          in: 'header',
          name: 'Authorization',
          description: 'SDK-HMAC-SHA256 Access=…, SignedHeaders=…, Signature=… (with X-Sdk-Date)',
        },
        authToken: {
          type: 'apiKey',
          in: 'header',
          name: 'X-Auth-Token',
          description: 'A Keystone token from POST /v3/auth/tokens',
        },
      },
    },
  };
}

/** The route serving the document of `all()` (a function: the table includes this route). */
export function openApiRoutes(all: () => readonly (ApiRoute | ControlRoute)[]): ControlRoute[] {
  let cached: OpenApiDocument | undefined;
  return [
    {
      method: 'GET',
      path: '/_emulator/openapi.json',
      operation: 'emulatorOpenApi',
      family: 'control',
      auth: 'none',
      control: true,
      handler: () => json(200, (cached ??= openApiDocument(all()))),
    },
  ];
}
