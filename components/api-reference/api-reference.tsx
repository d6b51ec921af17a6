// The API reference page: the OpenAPI document of the v1.0 API, grouped by tag, rendered on the
// server (no client code, no external assets). Every operation: method, path, policy rule,
// parameters, request body, responses; then the shared schemas.
import { Fragment } from 'react';
import styles from './api-reference.module.css';
import { SchemaView, refName, typeLabel, type JsonSchema } from './schema-view';

type MediaContent = { 'application/json'?: { schema: JsonSchema } };
interface Parameter { name: string; in: string; description?: string; required?: boolean; schema: JsonSchema }
interface Response { description?: string; content?: MediaContent; $ref?: string }
interface Operation {
  tags: string[];
  operationId: string;
  summary: string;
  description?: string;
  security?: unknown[];
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content: MediaContent };
  responses: Record<string, Response>;
}
export interface OpenApiDoc {
  openapi: string;
  info: { title: string; version: string; description?: string };
  tags: { name: string; description?: string }[];
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, JsonSchema>; responses: Record<string, Response> };
}

const METHOD_ORDER = ['get', 'post', 'put', 'delete'];

/** `text with `code``: backticked parts as <code>, paragraphs kept. */
function Prose({ text }: { text: string }) {
  return (
    <>
      {text.split('\n\n').map((para, i) => (
        <p key={i}>
          {para.split('`').map((part, j) => (j % 2 ? <code key={j}>{part}</code> : <Fragment key={j}>{part}</Fragment>))}
        </p>
      ))}
    </>
  );
}

function operationsByTag(doc: OpenApiDoc) {
  const byTag = new Map<string, { method: string; path: string; op: Operation }[]>(doc.tags.map((t) => [t.name, []]));
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHOD_ORDER) {
      const op = item[method];
      if (op) for (const tag of op.tags) byTag.get(tag)?.push({ method, path, op });
    }
  }
  return byTag;
}

function resolveResponse(doc: OpenApiDoc, r: Response): Response {
  return r.$ref ? doc.components.responses[refName(r.$ref)] ?? r : r;
}

export function ApiReference({ doc }: { doc: OpenApiDoc }) {
  const byTag = operationsByTag(doc);
  return (
    <div className={styles.page}>
      <div className="page-head">
        <h1>API reference</h1>
        <a className="btn" href="/v1.0/openapi.json" download="trellis-openapi.json">
          OpenAPI {doc.openapi} document
        </a>
      </div>
      <section className="card">
        <h2 className={styles.title}>
          {doc.info.title} <span className="badge">v{doc.info.version}</span>
        </h2>
        {doc.info.description ? <Prose text={doc.info.description} /> : null}
      </section>

      <nav aria-label="Operations" className={`card ${styles.toc}`}>
        {doc.tags.map((tag) => (
          <div key={tag.name}>
            <a href={`#tag-${tag.name}`} className={styles.tocTag}>{tag.name}</a>
            <ul>
              {byTag.get(tag.name)!.map(({ method, path, op }) => (
                <li key={op.operationId}>
                  <a href={`#${op.operationId}`}>
                    <span className={`${styles.method} ${styles[method]}`}>{method.toUpperCase()}</span> <code>{path}</code>
                  </a>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </nav>

      {doc.tags.map((tag) => (
        <section key={tag.name} id={`tag-${tag.name}`} aria-labelledby={`tag-${tag.name}-h`}>
          <h2 id={`tag-${tag.name}-h`}>{tag.name}</h2>
          {tag.description ? <p className="muted">{tag.description}</p> : null}
          {byTag.get(tag.name)!.map(({ method, path, op }) => (
            <OperationView key={op.operationId} doc={doc} method={method} path={path} op={op} />
          ))}
        </section>
      ))}

      <section id="schemas" aria-labelledby="schemas-h">
        <h2 id="schemas-h">Schemas</h2>
        {Object.entries(doc.components.schemas).map(([name, schema]) => (
          <article key={name} id={`schema-${name}`} className={`card ${styles.op}`}>
            <h3>{name}</h3>
            {schema.description ? <p className="muted">{schema.description}</p> : null}
            <SchemaView schema={schema} />
          </article>
        ))}
      </section>
    </div>
  );
}

function OperationView({ doc, method, path, op }: { doc: OpenApiDoc; method: string; path: string; op: Operation }) {
  const body = op.requestBody?.content['application/json']?.schema;
  return (
    <article id={op.operationId} className={`card ${styles.op}`} aria-labelledby={`${op.operationId}-h`}>
      <h3 id={`${op.operationId}-h`} className={styles.opHead}>
        <span className={`${styles.method} ${styles[method]}`}>{method.toUpperCase()}</span>
        <code>{path}</code>
        <span className={styles.summary}>{op.summary}</span>
        {op.security?.length === 0 ? <span className="badge badge-info">public</span> : null}
      </h3>
      {op.description ? <Prose text={op.description} /> : null}

      {op.parameters?.length ? (
        <>
          <h4>Parameters</h4>
          <div className="table-wrap">
            <table>
              <thead>
                <tr><th scope="col">Name</th><th scope="col">In</th><th scope="col">Type</th><th scope="col">Description</th></tr>
              </thead>
              <tbody>
                {op.parameters.map((p) => (
                  <tr key={`${p.in}:${p.name}`}>
                    <td><code>{p.name}</code>{p.required ? <span className={styles.required}> required</span> : null}</td>
                    <td>{p.in}</td>
                    <td>{typeLabel(p.schema)}</td>
                    <td>{p.description}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}

      {body ? (
        <>
          <h4>Request body {op.requestBody?.required ? '' : <span className="muted">(optional)</span>}</h4>
          <SchemaView schema={body} />
        </>
      ) : null}

      <h4>Responses</h4>
      <dl className={styles.responses}>
        {Object.entries(op.responses).map(([status, raw]) => {
          const r = resolveResponse(doc, raw);
          const schema = r.content?.['application/json']?.schema;
          return (
            <div key={status} className={styles.response}>
              <dt><span className={`badge ${status.startsWith('2') ? 'badge-ok' : 'badge-err'}`}>{status}</span></dt>
              <dd>
                {r.description}
                {schema && status.startsWith('2') ? <SchemaView schema={schema} /> : null}
              </dd>
            </div>
          );
        })}
      </dl>
    </article>
  );
}
