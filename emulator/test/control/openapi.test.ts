/**
 * `GET /_emulator/openapi.json`: a valid OpenAPI 3.0 document (structural checks in
 * openapi-check.ts) that lists exactly the routes the emulator serves, both ways.
 */
import { describe, expect, it } from 'vitest';
import { openApiDocument, openApiPath } from '../../src/control/openapi';
import { CONTROL_OPERATIONS } from '../../src/control/openapi-control';
import { SCHEMA_VERSION } from '../../src/domain/state';
import { ALL_ROUTES, CONTROL_ROUTES } from '../../src/http/routes/index';
import { raw } from '../support/raw';
import { useControlEmulator } from './harness';
import { openApiProblems } from './openapi-check';

type Doc = Record<string, unknown> & {
  paths: Record<string, Record<string, Record<string, unknown>>>;
};

const operationsIn = (doc: Doc) =>
  Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.keys(item).map((m) => `${m.toUpperCase()} ${path}`),
  );

describe('the OpenAPI document', () => {
  const emu = useControlEmulator();

  it('is served at /_emulator/openapi.json and passes the structural checks', async () => {
    const res = await raw(emu().url, { method: 'GET', path: '/_emulator/openapi.json' });
    expect(res.status).toBe(200);
    expect(res.json).toEqual(openApiDocument(ALL_ROUTES));
    expect(openApiProblems(res.json)).toEqual([]);
  });

  it('describes the state document the emulator exports, at its schema version', async () => {
    const doc = (await emu().client.openApi()) as Doc & {
      components: { schemas: Record<string, { properties: Record<string, { enum?: unknown[] }> }> };
    };
    const exported = await emu().client.exportState();
    expect(exported.schemaVersion).toBe(SCHEMA_VERSION);
    expect(doc.components.schemas.StateDoc?.properties.schemaVersion?.enum).toContain(
      exported.schemaVersion,
    );
  });

  it('lists every route the emulator serves, and nothing else', async () => {
    const doc = (await emu().client.openApi()) as Doc;
    const served = ALL_ROUTES.map((r) => `${r.method} ${openApiPath(r.path)}`).sort();
    expect(operationsIn(doc).sort()).toEqual(served);
    expect(Object.keys(CONTROL_OPERATIONS).sort()).toEqual(
      CONTROL_ROUTES.map((r) => r.operation).sort(),
    );
    for (const route of CONTROL_ROUTES) {
      const op = doc.paths[openApiPath(route.path)]?.[route.method.toLowerCase()];
      expect(op, route.operation).toMatchObject({
        operationId: route.operation,
        tags: ['emulator'],
      });
      // Health and readiness answer without the control token, so they have no 401.
      expect(Object.keys(op?.responses as object)).toEqual(
        expect.arrayContaining(route.openToHealthChecks ? ['403'] : ['401', '403']),
      );
      expect(op?.security, route.operation).toEqual(
        route.openToHealthChecks ? [{}] : [{}, { controlToken: [] }],
      );
    }
  });

  it('the checks catch a broken document', () => {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- the generated document, read as the test's loose shape
    const doc = structuredClone(openApiDocument(ALL_ROUTES)) as Doc;
    const health = doc.paths['/_emulator/health']?.get as Record<
      string,
      Record<string, Record<string, unknown>>
    >;
    health.responses = {
      200: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Nope' } } } },
    };
    const del = doc.paths['/_emulator/tenants/{domain_id}']?.delete as Record<string, unknown>;
    del.parameters = [];
    doc.openapi = '2.0';
    const problems = openApiProblems(doc);
    expect(problems).toEqual(
      expect.arrayContaining([
        'openapi must be "3.0.x"',
        'GET /_emulator/health 200: description is required',
        'DELETE /_emulator/tenants/{domain_id}: path parameter {domain_id} is not declared',
        expect.stringContaining('$ref #/components/schemas/Nope does not resolve'),
      ]),
    );
  });
});
