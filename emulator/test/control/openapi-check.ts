/**
 * @module A structural validator for OpenAPI 3.0 documents (no dependency): the fields the
 * specification requires, response codes and descriptions, unique operation IDs, declared tags
 * and security schemes, path templates matched by path parameters, schema `type`s and `required`
 * lists, and every `$ref` resolving inside the document. Returns the problems found.
 */

type Json = Record<string, unknown>;

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const TYPES = ['string', 'number', 'integer', 'boolean', 'array', 'object'];
const IN = ['query', 'header', 'path', 'cookie'];

const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function resolvePointer(doc: Json, ref: string): unknown {
  if (!ref.startsWith('#/')) return undefined;
  let node: unknown = doc;
  for (const raw of ref.slice(2).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (!isObject(node) || !(key in node)) return undefined;
    node = node[key];
  }
  return node;
}

/** Walks every value, calling `visit` with its JSON path. */
function walk(node: unknown, path: string, visit: (node: unknown, path: string) => void): void {
  visit(node, path);
  if (Array.isArray(node)) node.forEach((v, i) => walk(v, `${path}/${i}`, visit));
  else if (isObject(node))
    for (const [k, v] of Object.entries(node)) walk(v, `${path}/${k}`, visit);
}

function checkSchema(schema: unknown, where: string, problems: string[]): void {
  walk(schema, where, (node, path) => {
    if (!isObject(node) || path.endsWith('/properties')) return;
    if ('type' in node && !TYPES.includes(String(node.type)))
      problems.push(`${path}: unknown type ${String(node.type)}`);
    if ('required' in node) {
      if (!Array.isArray(node.required)) problems.push(`${path}: required must be an array`);
      else if (isObject(node.properties)) {
        for (const name of node.required)
          if (!(String(name) in node.properties))
            problems.push(`${path}: required "${String(name)}" is not a property`);
      }
    }
  });
}

function checkOperation(
  doc: Json,
  route: string,
  method: string,
  op: Json,
  seen: Set<string>,
  problems: string[],
): void {
  const where = `${method.toUpperCase()} ${route}`;
  const tags = new Set(
    Array.isArray(doc.tags) ? doc.tags.map((t) => (isObject(t) ? t.name : undefined)) : [],
  );
  if (typeof op.operationId === 'string') {
    if (seen.has(op.operationId))
      problems.push(`${where}: duplicate operationId ${op.operationId}`);
    seen.add(op.operationId);
  }
  for (const tag of Array.isArray(op.tags) ? op.tags : [])
    if (!tags.has(tag)) problems.push(`${where}: tag ${String(tag)} is not declared`);
  if (!isObject(op.responses) || Object.keys(op.responses).length === 0)
    problems.push(`${where}: responses must list at least one`);
  for (const [code, response] of Object.entries(isObject(op.responses) ? op.responses : {})) {
    if (code !== 'default' && !/^[1-5](\d\d|XX)$/.test(code))
      problems.push(`${where}: bad response code ${code}`);
    if (!isObject(response) || (typeof response.description !== 'string' && !('$ref' in response)))
      problems.push(`${where} ${code}: description is required`);
  }
  const params = (Array.isArray(op.parameters) ? op.parameters : []).filter(isObject);
  for (const p of params) {
    if (typeof p.name !== 'string' || !IN.includes(String(p.in)))
      problems.push(`${where}: parameter needs name and a valid "in"`);
    if (p.in === 'path' && p.required !== true)
      problems.push(`${where}: path parameter ${String(p.name)} must be required`);
    if (!('schema' in p) && !('content' in p))
      problems.push(`${where}: parameter ${String(p.name)} needs a schema`);
  }
  const templated = [...route.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
  const declared = params.filter((p) => p.in === 'path').map((p) => p.name);
  for (const name of templated)
    if (!declared.includes(name))
      problems.push(`${where}: path parameter {${name}} is not declared`);
  for (const name of declared)
    if (!templated.includes(String(name)))
      problems.push(`${where}: path parameter ${String(name)} is not in the path`);
  if (
    op.requestBody !== undefined &&
    !(isObject(op.requestBody) && isObject(op.requestBody.content))
  )
    problems.push(`${where}: requestBody needs content`);
  const schemes =
    isObject(doc.components) && isObject(doc.components.securitySchemes)
      ? doc.components.securitySchemes
      : {};
  for (const requirement of Array.isArray(op.security) ? op.security : []) {
    for (const name of Object.keys(isObject(requirement) ? requirement : {}))
      if (!(name in schemes)) problems.push(`${where}: security scheme ${name} is not declared`);
  }
}

export function openApiProblems(doc: Json): string[] {
  const problems: string[] = [];
  if (typeof doc.openapi !== 'string' || !/^3\.0\.\d+$/.test(doc.openapi))
    problems.push('openapi must be "3.0.x"');
  if (
    !isObject(doc.info) ||
    typeof doc.info.title !== 'string' ||
    typeof doc.info.version !== 'string'
  )
    problems.push('info.title and info.version are required');
  if (!isObject(doc.paths)) return [...problems, 'paths is required'];
  const seen = new Set<string>();
  for (const [route, item] of Object.entries(doc.paths)) {
    if (!route.startsWith('/')) problems.push(`${route}: paths must start with /`);
    if (!isObject(item)) continue;
    for (const [method, op] of Object.entries(item)) {
      if (!METHODS.includes(method)) problems.push(`${route}: unknown method ${method}`);
      else if (isObject(op)) checkOperation(doc, route, method, op, seen, problems);
    }
  }
  if (isObject(doc.components) && isObject(doc.components.schemas)) {
    for (const [name, schema] of Object.entries(doc.components.schemas))
      checkSchema(schema, `#/components/schemas/${name}`, problems);
  }
  walk(doc, '#', (node, path) => {
    if (
      isObject(node) &&
      typeof node.$ref === 'string' &&
      resolvePointer(doc, node.$ref) === undefined
    )
      problems.push(`${path}: $ref ${node.$ref} does not resolve`);
  });
  return problems;
}
