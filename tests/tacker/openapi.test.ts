// The OpenAPI document of the v1.0 API: valid OpenAPI 3.1, generated from the routes' own zod
// schemas, and in step with the route files (every documented operation exists, every route is documented).
import fs from 'node:fs';
import path from 'node:path';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { visibleAttributes } from '@/lib/server/api/attributes';
import { RESOURCES, caseless, openApiDocument, operations, routeDirOf } from '@/lib/server/api/openapi';
import { vimCreateBody } from '@/lib/server/vims/attributes';
import { createVnfBody, scaleBody } from '@/lib/server/vnfs/attributes';
import { checkOpenApi31, inlineRefs, schemasOf, zodOf } from './openapi-structure';
import { call } from '../support/harness';

const root = path.resolve(__dirname, '../..');
const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;
type Doc = ReturnType<typeof openApiDocument> & { paths: Record<string, Record<string, any>>; components: any };
const doc = openApiDocument() as Doc;

/** Every route.ts under a folder of app/, as its folder relative to app/. */
function routeDirs(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(root, 'app', dir), { withFileTypes: true })) {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) out.push(...routeDirs(rel));
    else if (entry.name === 'route.ts') out.push(dir);
  }
  return out;
}

async function exportedMethods(dir: string): Promise<string[]> {
  const mod = (await import(/* @vite-ignore */ path.join(root, 'app', dir, 'route.ts'))) as Record<string, unknown>;
  return HTTP_METHODS.filter((m) => typeof mod[m] === 'function');
}

describe('the document is OpenAPI 3.1', () => {
  it('passes the structural check', () => {
    expect(checkOpenApi31(doc)).toEqual([]);
    expect(doc.openapi).toBe('3.1.0');
  });

  it('the check catches broken documents (so a pass means something)', () => {
    const broken = (mutate: (d: any) => void) => {
      const d = structuredClone(doc) as any;
      mutate(d);
      return checkOpenApi31(d).join('\n');
    };
    expect(broken((d) => (d.openapi = '3.0.3'))).toContain('must be 3.1.x');
    expect(broken((d) => delete d.info.title)).toContain("'title' is required");
    expect(broken((d) => (d.paths['/v1.0/vims/{id}'].get.parameters = []))).toContain('path parameter {id} is not declared');
    expect(broken((d) => (d.paths['/v1.0/vims'].get.responses['200'].content['application/json'].schema.properties.vims.items.$ref = '#/components/schemas/Nope'))).toContain('does not resolve');
    expect(broken((d) => (d.components.schemas.Vim.properties.name.type = 'text'))).toContain('invalid type "text"');
    expect(broken((d) => (d.components.schemas.Vim.properties.name.maxLenght = 3))).toContain("unknown JSON Schema keyword 'maxLenght'");
    expect(broken((d) => (d.paths['/v1.0/vnfs'].get.operationId = 'listVims'))).toContain('duplicate operationId listVims');
    expect(broken((d) => delete d.paths['/v1.0/vims'].post.responses['201'].description)).toContain("'description' is required");
    expect(broken((d) => (d.paths['/v1.0/vims'].post.tags = ['Nope']))).toContain("tag 'Nope' is not declared");
    expect(broken((d) => (d.paths['/v1.0/vims'].get.responses['2xx'] = { description: 'x' }))).toContain("'2xx' is not a status code");
    expect(broken((d) => (d.security = [{ basic: [] }]))).toContain("security scheme 'basic' is not declared");
  });

  it('every schema in it is JSON Schema that zod can read back', () => {
    const all = schemasOf(doc);
    expect(all.length).toBeGreaterThan(40);
    for (const { where, schema } of all) {
      expect(() => zodOf(inlineRefs(schema, doc)), where).not.toThrow();
    }
  });

  it('documents authentication: X-Auth-Token everywhere except the public operations', () => {
    expect(doc.components.securitySchemes.keystoneToken).toEqual(expect.objectContaining({ type: 'apiKey', in: 'header', name: 'X-Auth-Token' }));
    expect(doc.security).toEqual([{ keystoneToken: [] }]);
    const publicOps = operations().filter((o) => o.public).map((o) => `${o.method} ${o.path}`);
    expect(publicOps.sort()).toEqual(['get /', 'get /v1.0/openapi.json']);
    for (const op of operations()) {
      const documented = doc.paths[op.path][op.method];
      if (op.public) expect(documented.security).toEqual([]);
      else expect(documented.responses['401'], `${op.method} ${op.path}`).toEqual({ $ref: '#/components/responses/Error401' });
    }
  });
});

describe('the document is generated from the routes\' zod schemas', () => {
  const requestSchema = (p: string, m: string) => doc.paths[p][m].requestBody.content['application/json'].schema;

  it('create bodies list exactly the attributes a POST allows, update bodies those a PUT allows', () => {
    for (const r of RESOURCES) {
      const base = `/v1.0/${r.collection}`;
      const postable = Object.entries(r.attributes).filter(([, a]) => a.allowPost).map(([n]) => n);
      expect(Object.keys(requestSchema(base, 'post').properties[r.singular].properties).sort(), r.collection).toEqual(postable.sort());
      const puttable = Object.entries(r.attributes).filter(([, a]) => a.allowPut).map(([n]) => n);
      expect(Object.keys(requestSchema(`${base}/{id}`, 'put').properties[r.singular].properties).sort(), r.collection).toEqual(puttable.sort());
    }
  });

  it('views list exactly the visible attributes', () => {
    for (const r of RESOURCES) {
      const name = r.singular[0].toUpperCase() + r.singular.slice(1);
      expect(Object.keys(doc.components.schemas[name].properties)).toEqual(visibleAttributes(r.attributes));
    }
  });

  it('the documented request schemas accept and refuse what the route validators do', () => {
    // python-tackerclient's `vim register` body (shared/openstack-api/tackerclient-requests.md)
    const register = {
      vim: {
        auth_url: 'http://127.0.0.1:5000/v3', type: 'openstack', vim_project: { name: 'admin', project_domain_name: 'Default' },
        auth_cred: { username: 'admin', password: 'secret', user_domain_name: 'Default', cert_verify: 'False' }, name: 'vim1', description: 'my vim', is_default: true,
      },
    };
    const documentedVim = zodOf(requestSchema('/v1.0/vims', 'post'));
    expect(documentedVim.safeParse(register).success).toBe(true);
    expect(vimCreateBody.safeParse(register).success).toBe(true);
    const unknownKey = { vim: { ...register.vim, colour: 'red' } };
    expect(documentedVim.safeParse(unknownKey).success).toBe(false);
    expect(vimCreateBody.safeParse(unknownKey).success).toBe(false);
    const noName = { vim: { ...register.vim, name: undefined } };
    expect(documentedVim.safeParse(JSON.parse(JSON.stringify(noName))).success).toBe(false);

    const create = { vnf: { attributes: { param_values: { image_name: 'cirros' } }, name: 'vnf1', description: 'v', vnfd_id: 'x', vim_id: 'y' } };
    expect(zodOf(requestSchema('/v1.0/vnfs', 'post')).safeParse(create).success).toBe(true);
    expect(createVnfBody.safeParse(create).success).toBe(true);

    const documentedScale = zodOf(requestSchema('/v1.0/vnfs/{id}/actions', 'post'));
    for (const body of [{ scale: { type: 'out', policy: 'SP1' } }, { scale: { type: 'sideways', policy: 'SP1' } }, { scale: { type: 'in' } }]) {
      expect(documentedScale.safeParse(body).success, JSON.stringify(body)).toBe(scaleBody.safeParse(body).success);
    }
  });

  it('keeps case-insensitive patterns case-insensitive (JSON Schema patterns have no flags)', () => {
    expect(caseless('^(true|false|1|0)$')).toBe('^([tT][rR][uU][eE]|[fF][aA][lL][sS][eE]|1|0)$');
    expect(caseless('^[a-f\\d]+\\.x$')).toBe('^[a-f\\dA-F]+\\.[xX]$');
    expect(caseless('[^ab]')).toBe('[^abAB]');
    for (const [source, samples] of [['^(true|false|1|0)$', ['False', 'TRUE', 'true', '1', 'no']], ['^[a-f\\d]+\\.x$', ['aB3.X', 'ab.x', 'g.x', 'a_x']]] as const) {
      for (const s of samples) expect(new RegExp(caseless(source)).test(s), `${source} ${s}`).toBe(new RegExp(source, 'i').test(s));
    }
  });

  it('lists take the collection filters, fields and paging', () => {
    const names = (doc.paths['/v1.0/vnfs'].get.parameters as { name: string }[]).map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining(['id', 'name', 'vim_id', 'vnfd_id', 'tenant_id', 'status', 'fields', 'limit', 'marker']));
    expect(names).not.toContain('attributes'); // not a scalar: no equality filter
    const events = (doc.paths['/v1.0/events'].get.parameters as { name: string }[]).map((p) => p.name);
    expect(events).toEqual(['resource_id', 'resource_type', 'event_type', 'resource_state', 'limit', 'marker']);
  });
});

describe('the document matches the route files', () => {
  it('every documented operation has a route module exporting that method', async () => {
    const missing: string[] = [];
    for (const [p, item] of Object.entries(doc.paths)) {
      for (const method of Object.keys(item)) {
        const dir = routeDirOf(p);
        const file = path.join(root, 'app', dir, 'route.ts');
        if (!fs.existsSync(file)) missing.push(`${method.toUpperCase()} ${p}: no app/${dir}/route.ts`);
        else if (!(await exportedMethods(dir)).includes(method.toUpperCase())) missing.push(`${method.toUpperCase()} ${p}: app/${dir}/route.ts does not export ${method.toUpperCase()}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('every route under app/v1.0 (and the version document) is documented', async () => {
    const documented = new Set(Object.entries(doc.paths).flatMap(([p, item]) => Object.keys(item).map((m) => `${m.toUpperCase()} ${routeDirOf(p)}`)));
    const undocumented: string[] = [];
    const dirs = [...routeDirs('v1.0'), 'api/versions'];
    expect(dirs.length).toBeGreaterThanOrEqual(4);
    for (const dir of dirs) for (const m of await exportedMethods(dir)) if (!documented.has(`${m} ${dir}`)) undocumented.push(`${m} app/${dir}`);
    expect(undocumented).toEqual([]);
  });

  it('maps documented paths to route folders the way proxy.ts rewrites them', () => {
    expect(routeDirOf('/v1.0/vnfs/{id}/actions')).toBe('v1.0/vnfs/[id]/actions');
    expect(routeDirOf('/v1.0/openapi.json')).toBe('v1.0/openapi');
    expect(routeDirOf('/')).toBe('api/versions');
  });
});

describe('serving and rendering', () => {
  it('GET /v1.0/openapi.json is public and serves the document', async () => {
    const route = await import('@/app/v1.0/openapi/route');
    const res = await call(route.GET, 'GET', '/v1.0/openapi');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(res.json).toEqual(JSON.parse(JSON.stringify(doc)));
  });

  it('the API reference page shows every operation, grouped by tag, and every schema', async () => {
    const { ApiReference } = await import('@/components/api-reference/api-reference');
    const html = renderToStaticMarkup(createElement(ApiReference, { doc: doc as any }));
    for (const op of operations()) {
      expect(html).toContain(`id="${op.operationId}"`);
      expect(html).toContain(`<code>${op.path}</code>`);
    }
    for (const tag of ['Versions', 'VIMs', 'VNFDs', 'VNFs', 'Events']) expect(html).toContain(`id="tag-${tag}"`);
    for (const name of Object.keys(doc.components.schemas)) expect(html).toContain(`id="schema-${name}"`);
    // tag order: VIMs before VNFs; the VNF scale body shows its fields
    expect(html.indexOf('id="tag-VIMs"')).toBeLessThan(html.indexOf('id="tag-VNFs"'));
    const scale = html.slice(html.indexOf('id="scaleVnf"'), html.indexOf('id="tag-Events"'));
    expect(scale).toContain('policy');
    expect(scale).toContain('&quot;out&quot; | &quot;in&quot;');
    expect(html).not.toMatch(/https?:\/\/(?!127\.0\.0\.1)[a-z]/i); // no external assets or links
  });
});
