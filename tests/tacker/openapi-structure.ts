// A focused structural check of an OpenAPI 3.1 document (no validator package is installed):
// the object layout of the spec (top level, path items, operations, parameters, request bodies,
// responses, components, security, tags), every $ref resolving inside the document, and every Schema
// Object being JSON Schema 2020-12 (known keywords, valid types, required ⊆ properties).
import { z } from 'zod';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isExt = (k: string) => k.startsWith('x-');

const TOP_LEVEL = ['openapi', 'info', 'jsonSchemaDialect', 'servers', 'paths', 'webhooks', 'components', 'security', 'tags', 'externalDocs'];
const PATH_ITEM = ['$ref', 'summary', 'description', 'get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace', 'servers', 'parameters'];
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const OPERATION = ['tags', 'summary', 'description', 'externalDocs', 'operationId', 'parameters', 'requestBody', 'responses', 'callbacks', 'deprecated', 'security', 'servers'];
const PARAMETER = ['name', 'in', 'description', 'required', 'deprecated', 'allowEmptyValue', 'style', 'explode', 'allowReserved', 'schema', 'example', 'examples', 'content'];
const PARAM_IN = ['query', 'header', 'path', 'cookie'];
const STYLES: Record<string, string[]> = { query: ['form', 'spaceDelimited', 'pipeDelimited', 'deepObject'], path: ['matrix', 'label', 'simple'], header: ['simple'], cookie: ['form'] };
const RESPONSE = ['description', 'headers', 'content', 'links'];
const COMPONENTS = ['schemas', 'responses', 'parameters', 'examples', 'requestBodies', 'headers', 'securitySchemes', 'links', 'callbacks', 'pathItems'];
const MEDIA_TYPE = ['schema', 'example', 'examples', 'encoding'];
const SECURITY_TYPES = ['apiKey', 'http', 'mutualTLS', 'oauth2', 'openIdConnect'];
const JSON_TYPES = ['string', 'number', 'integer', 'boolean', 'object', 'array', 'null'];
// JSON Schema 2020-12 (core, applicator, validation, meta-data, format, unevaluated, content) + OAS 3.1 additions.
const SCHEMA_KEYWORDS = new Set([
  '$id', '$schema', '$ref', '$anchor', '$dynamicRef', '$dynamicAnchor', '$vocabulary', '$comment', '$defs',
  'allOf', 'anyOf', 'oneOf', 'not', 'if', 'then', 'else', 'dependentSchemas', 'prefixItems', 'items', 'contains',
  'properties', 'patternProperties', 'additionalProperties', 'propertyNames', 'unevaluatedItems', 'unevaluatedProperties',
  'type', 'enum', 'const', 'multipleOf', 'maximum', 'exclusiveMaximum', 'minimum', 'exclusiveMinimum', 'maxLength', 'minLength',
  'pattern', 'maxItems', 'minItems', 'uniqueItems', 'maxContains', 'minContains', 'maxProperties', 'minProperties', 'required', 'dependentRequired',
  'title', 'description', 'default', 'deprecated', 'readOnly', 'writeOnly', 'examples', 'format', 'contentEncoding', 'contentMediaType', 'contentSchema',
  'discriminator', 'xml', 'externalDocs', 'example',
]);
const SUBSCHEMA_MAPS = ['properties', 'patternProperties', '$defs', 'dependentSchemas'];
const SUBSCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];
const SUBSCHEMAS = ['not', 'if', 'then', 'else', 'items', 'contains', 'additionalProperties', 'propertyNames', 'unevaluatedItems', 'unevaluatedProperties', 'contentSchema'];

export function checkOpenApi31(doc: unknown): string[] {
  const errors: string[] = [];
  const err = (where: string, msg: string): void => {
    errors.push(`${where}: ${msg}`);
  };
  const onlyKeys = (o: Obj, allowed: string[], where: string) => {
    for (const k of Object.keys(o)) if (!allowed.includes(k) && !isExt(k)) err(where, `unknown field '${k}'`);
  };
  const str = (o: Obj, k: string, where: string, required = true) => {
    if (o[k] === undefined) {
      if (required) err(where, `'${k}' is required`);
    } else if (typeof o[k] !== 'string') err(where, `'${k}' must be a string`);
  };

  if (!isObj(doc)) return ['document: must be an object'];
  onlyKeys(doc, TOP_LEVEL, '#');
  if (typeof doc.openapi !== 'string' || !/^3\.1\.\d+$/.test(doc.openapi)) err('#/openapi', `must be 3.1.x, got ${JSON.stringify(doc.openapi)}`);
  if (!isObj(doc.info)) err('#/info', 'is required');
  else {
    str(doc.info, 'title', '#/info');
    str(doc.info, 'version', '#/info');
    if (isObj(doc.info.license)) str(doc.info.license, 'name', '#/info/license');
  }
  if (!isObj(doc.paths) && !isObj(doc.webhooks) && !isObj(doc.components)) err('#', 'needs paths, webhooks or components');

  // $refs: every one must resolve to something in this document
  const resolve = (ref: string): unknown => {
    if (!ref.startsWith('#/')) return undefined;
    return ref
      .slice(2)
      .split('/')
      .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce<unknown>((node, key) => (isObj(node) ? node[key] : undefined), doc);
  };
  const walkRefs = (node: unknown, where: string) => {
    if (Array.isArray(node)) node.forEach((n, i) => walkRefs(n, `${where}/${i}`));
    else if (isObj(node)) {
      if (typeof node.$ref === 'string' && resolve(node.$ref) === undefined) err(where, `$ref ${node.$ref} does not resolve`);
      for (const [k, v] of Object.entries(node)) walkRefs(v, `${where}/${k}`);
    }
  };
  walkRefs(doc, '#');
  const deref = <T>(v: unknown): T => (isObj(v) && typeof v.$ref === 'string' ? (resolve(v.$ref) as T) : (v as T));

  const checkSchema = (s: unknown, where: string) => {
    if (typeof s === 'boolean') return;
    if (!isObj(s)) return err(where, 'a schema must be an object or a boolean');
    for (const k of Object.keys(s)) if (!SCHEMA_KEYWORDS.has(k) && !isExt(k)) err(where, `unknown JSON Schema keyword '${k}'`);
    const types = s.type === undefined ? [] : Array.isArray(s.type) ? s.type : [s.type];
    for (const t of types) if (!JSON_TYPES.includes(t as string)) err(where, `invalid type ${JSON.stringify(t)}`);
    if (s.required !== undefined) {
      if (!Array.isArray(s.required) || s.required.some((r) => typeof r !== 'string')) err(where, 'required must be an array of strings');
      else if (isObj(s.properties) && s.additionalProperties === false) {
        for (const r of s.required) if (!(r in s.properties)) err(where, `required '${r}' is not among the properties`);
      }
    }
    if (s.enum !== undefined && (!Array.isArray(s.enum) || s.enum.length === 0)) err(where, 'enum must be a non-empty array');
    for (const k of ['minLength', 'maxLength', 'minItems', 'maxItems', 'minProperties', 'maxProperties']) {
      if (s[k] !== undefined && !(Number.isInteger(s[k]) && (s[k] as number) >= 0)) err(where, `${k} must be a non-negative integer`);
    }
    if (typeof s.pattern === 'string') {
      try {
        new RegExp(s.pattern, 'u');
      } catch {
        err(where, `pattern ${s.pattern} is not a valid regular expression`);
      }
    }
    for (const k of SUBSCHEMA_MAPS) {
      if (s[k] === undefined) continue;
      if (!isObj(s[k])) err(where, `${k} must be an object`);
      else for (const [name, sub] of Object.entries(s[k] as Obj)) checkSchema(sub, `${where}/${k}/${name}`);
    }
    for (const k of SUBSCHEMA_LISTS) {
      if (s[k] === undefined) continue;
      if (!Array.isArray(s[k]) || (s[k] as unknown[]).length === 0) err(where, `${k} must be a non-empty array`);
      else (s[k] as unknown[]).forEach((sub, i) => checkSchema(sub, `${where}/${k}/${i}`));
    }
    for (const k of SUBSCHEMAS) if (s[k] !== undefined) checkSchema(s[k], `${where}/${k}`);
  };

  const checkContent = (content: unknown, where: string) => {
    if (!isObj(content) || !Object.keys(content).length) return err(where, 'content must map media types');
    for (const [type, media] of Object.entries(content)) {
      if (!/^[\w.+-]+\/[\w.+*-]+$/.test(type)) err(`${where}/${type}`, 'not a media type');
      if (!isObj(media)) err(`${where}/${type}`, 'must be a Media Type Object');
      else {
        onlyKeys(media, MEDIA_TYPE, `${where}/${type}`);
        if (media.schema !== undefined) checkSchema(media.schema, `${where}/${type}/schema`);
      }
    }
  };

  const checkParameter = (raw: unknown, where: string, path?: string) => {
    const p = deref<Obj>(raw);
    if (!isObj(p)) {
      err(where, 'must be a Parameter Object');
      return undefined;
    }
    onlyKeys(p, PARAMETER, where);
    str(p, 'name', where);
    if (!PARAM_IN.includes(p.in as string)) err(where, `'in' must be one of ${PARAM_IN.join(', ')}`);
    if (p.in === 'path') {
      if (p.required !== true) err(where, 'a path parameter must have required: true');
      if (path && !path.includes(`{${p.name}}`)) err(where, `path parameter '${p.name}' is not in the path ${path}`);
    }
    if ((p.schema === undefined) === (p.content === undefined)) err(where, 'needs exactly one of schema and content');
    if (p.schema !== undefined) checkSchema(p.schema, `${where}/schema`);
    if (p.style !== undefined && !(STYLES[p.in as string] ?? []).includes(p.style as string)) err(where, `style '${p.style}' is not allowed in ${p.in}`);
    return p;
  };

  const checkResponse = (raw: unknown, where: string) => {
    const r = deref<Obj>(raw);
    if (!isObj(r)) return err(where, 'must be a Response Object');
    onlyKeys(r, RESPONSE, where);
    str(r, 'description', where);
    if (r.content !== undefined) checkContent(r.content, `${where}/content`);
  };

  const declaredTags = new Set<string>();
  if (doc.tags !== undefined) {
    if (!Array.isArray(doc.tags)) err('#/tags', 'must be an array');
    else
      doc.tags.forEach((t, i) => {
        if (!isObj(t) || typeof t.name !== 'string') return err(`#/tags/${i}`, 'needs a name');
        if (declaredTags.has(t.name)) err(`#/tags/${i}`, `duplicate tag ${t.name}`);
        declaredTags.add(t.name);
      });
  }

  const components = isObj(doc.components) ? doc.components : {};
  onlyKeys(components, COMPONENTS, '#/components');
  for (const [name, s] of Object.entries(isObj(components.schemas) ? components.schemas : {})) checkSchema(s, `#/components/schemas/${name}`);
  for (const [name, r] of Object.entries(isObj(components.responses) ? components.responses : {})) checkResponse(r, `#/components/responses/${name}`);
  const schemes = isObj(components.securitySchemes) ? components.securitySchemes : {};
  for (const [name, s] of Object.entries(schemes)) {
    const where = `#/components/securitySchemes/${name}`;
    if (!isObj(s) || !SECURITY_TYPES.includes(s.type as string)) err(where, 'needs a valid type');
    else if (s.type === 'apiKey' && (typeof s.name !== 'string' || !['query', 'header', 'cookie'].includes(s.in as string))) err(where, 'apiKey needs name and in');
  }
  const checkSecurity = (sec: unknown, where: string) => {
    if (!Array.isArray(sec)) return err(where, 'must be an array');
    for (const req of sec) {
      if (!isObj(req)) err(where, 'a security requirement must be an object');
      else for (const name of Object.keys(req)) if (!(name in schemes)) err(where, `security scheme '${name}' is not declared`);
    }
  };
  if (doc.security !== undefined) checkSecurity(doc.security, '#/security');

  const operationIds = new Set<string>();
  for (const [path, rawItem] of Object.entries(isObj(doc.paths) ? doc.paths : {})) {
    const where = `#/paths/${path}`;
    if (!path.startsWith('/')) err(where, "a path must start with '/'");
    if (!isObj(rawItem)) {
      err(where, 'must be a Path Item Object');
      continue;
    }
    onlyKeys(rawItem, PATH_ITEM, where);
    const templated = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
    for (const method of METHODS) {
      const op = rawItem[method];
      if (op === undefined) continue;
      const at = `${where}/${method}`;
      if (!isObj(op)) {
        err(at, 'must be an Operation Object');
        continue;
      }
      onlyKeys(op, OPERATION, at);
      if (op.operationId !== undefined) {
        if (typeof op.operationId !== 'string') err(at, 'operationId must be a string');
        else if (operationIds.has(op.operationId)) err(at, `duplicate operationId ${op.operationId}`);
        else operationIds.add(op.operationId);
      }
      for (const t of (op.tags as unknown[]) ?? []) if (!declaredTags.has(t as string)) err(at, `tag '${t}' is not declared in #/tags`);
      const params = [...((rawItem.parameters as unknown[]) ?? []), ...((op.parameters as unknown[]) ?? [])].map((p, i) => checkParameter(p, `${at}/parameters/${i}`, path));
      const seen = new Set<string>();
      for (const p of params) {
        if (!p) continue;
        const key = `${p.in}:${p.name}`;
        if (seen.has(key)) err(at, `duplicate parameter ${key}`);
        seen.add(key);
      }
      for (const name of templated) if (!seen.has(`path:${name}`)) err(at, `path parameter {${name}} is not declared`);
      if (op.requestBody !== undefined) {
        const body = deref<Obj>(op.requestBody);
        if (!isObj(body)) err(`${at}/requestBody`, 'must be a Request Body Object');
        else checkContent(body.content, `${at}/requestBody/content`);
      }
      if (!isObj(op.responses) || !Object.keys(op.responses).length) err(at, 'needs responses');
      else
        for (const [status, r] of Object.entries(op.responses)) {
          if (!/^([1-5]\d\d|[1-5]XX|default)$/.test(status)) err(`${at}/responses`, `'${status}' is not a status code`);
          checkResponse(r, `${at}/responses/${status}`);
        }
      if (op.security !== undefined) checkSecurity(op.security, `${at}/security`);
    }
  }
  return errors;
}

/** Every Schema Object of the document, $refs inlined, as zod would read it (throws if it cannot). */
export function schemasOf(doc: Obj): { where: string; schema: Obj }[] {
  const out: { where: string; schema: Obj }[] = [];
  const visit = (node: unknown, where: string) => {
    if (Array.isArray(node)) node.forEach((n, i) => visit(n, `${where}/${i}`));
    else if (isObj(node)) {
      for (const [k, v] of Object.entries(node)) {
        if (k === 'schema' && isObj(v)) out.push({ where: `${where}/schema`, schema: v });
        else visit(v, `${where}/${k}`);
      }
    }
  };
  visit(doc.paths, '#/paths');
  for (const [name, s] of Object.entries((doc.components as Obj).schemas as Obj)) out.push({ where: `#/components/schemas/${name}`, schema: s as Obj });
  return out;
}

/** Inlines `#/components/schemas/X` refs (the document has no cycles), so a schema stands alone. */
export function inlineRefs(schema: unknown, doc: Obj, depth = 0): unknown {
  if (depth > 20) throw new Error('schema refs nest too deep (a cycle?)');
  if (Array.isArray(schema)) return schema.map((s) => inlineRefs(s, doc, depth + 1));
  if (!isObj(schema)) return schema;
  if (typeof schema.$ref === 'string') {
    const name = schema.$ref.replace('#/components/schemas/', '');
    return inlineRefs(((doc.components as Obj).schemas as Obj)[name], doc, depth + 1);
  }
  return Object.fromEntries(Object.entries(schema).map(([k, v]) => [k, inlineRefs(v, doc, depth + 1)]));
}

/** JSON Schema -> zod; throws on a schema zod cannot read. */
export function zodOf(schema: unknown) {
  return z.fromJSONSchema(schema as Parameters<typeof z.fromJSONSchema>[0]);
}
