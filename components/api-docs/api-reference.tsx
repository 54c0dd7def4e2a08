import type { ReactNode } from 'react';
import styles from './api-reference.module.css';
import { type ResolveRef, type Schema, SchemaFields, typeName, WithCode } from './schema-fields';

// The API reference (/docs/api), rendered on the server from the OpenAPI document: no script, no CDN,
// nothing the page's CSP has to allow. Grouped by tag; each operation with its scope, parameters,
// body and replies.

interface OperationObject {
  tags?: string[];
  summary?: string;
  description?: string;
  operationId: string;
  'x-scope'?: string;
  parameters?: Schema[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses: Record<string, { description: string; content?: Record<string, { schema?: Schema }> }>;
}

interface Document {
  info: { title: string; description: string };
  tags: { name: string; description: string }[];
  paths: Record<string, Record<string, OperationObject>>;
  components: { schemas: Record<string, Schema>; parameters: Record<string, Schema> };
}

const anchorOf = (id: string) => `op-${id}`;

function Parameters({ parameters, document }: { parameters: Schema[]; document: Document }) {
  const resolved = parameters.map((parameter) =>
    typeof parameter.$ref === 'string' ? (document.components.parameters[parameter.$ref.split('/').pop() ?? ''] ?? parameter) : parameter,
  );
  return (
    <table className={styles.table}>
      <caption className={styles.caption}>Parameters</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">In</th>
          <th scope="col">Type</th>
          <th scope="col">Notes</th>
        </tr>
      </thead>
      <tbody>
        {resolved.map((parameter) => (
          <tr key={`${parameter.in}-${parameter.name}`}>
            <td>
              <code>{String(parameter.name)}</code>
            </td>
            <td>{String(parameter.in)}</td>
            <td>{typeName((parameter.schema as Schema) ?? {}, () => undefined)}</td>
            <td>
              {parameter.required ? 'required. ' : ''}
              {typeof parameter.description === 'string' ? parameter.description : ((parameter.schema as Schema)?.description as string | undefined) ?? ''}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Operation({ method, path, operation, resolve, document }: { method: string; path: string; operation: OperationObject; resolve: ResolveRef; document: Document }) {
  const body = operation.requestBody?.content['application/json']?.schema;
  const successes = Object.entries(operation.responses).filter(([status]) => /^[23]/.test(status));
  const failures = Object.entries(operation.responses).filter(([status]) => /^[45]/.test(status));
  return (
    <section className={styles.operation} aria-labelledby={anchorOf(operation.operationId)}>
      <h3 id={anchorOf(operation.operationId)} className={styles.operationTitle}>
        <span className={`${styles.method} ${styles[method] ?? ''}`}>{method.toUpperCase()}</span> <code className={styles.path}>{path}</code>
      </h3>
      <p className={styles.summary}>
        {operation.summary}
        {operation['x-scope'] ? <span className={styles.scope}> · needs a {operation['x-scope']} key</span> : null}
      </p>
      {operation.description ? (
        <p>
          <WithCode text={operation.description} />
        </p>
      ) : null}
      {operation.parameters?.length ? <Parameters parameters={operation.parameters} document={document} /> : null}
      {body ? (
        <>
          <h4 className={styles.subheading}>Body (application/json)</h4>
          <SchemaFields schema={body} resolve={resolve} />
        </>
      ) : null}
      {successes.map(([status, reply]) => {
        const [mediaType, content] = Object.entries(reply.content ?? {})[0] ?? [];
        return (
          <div key={status}>
            <h4 className={styles.subheading}>
              {status} · {reply.description}
              {mediaType ? ` (${mediaType})` : ''}
            </h4>
            {content?.schema && mediaType === 'application/json' ? <SchemaFields schema={content.schema} resolve={resolve} /> : null}
          </div>
        );
      })}
      <p className={styles.errors}>
        Errors:{' '}
        {failures
          .filter(([status]) => status !== 'default')
            .map(([status, reply]) => (
            <span key={status}>
              {status} <WithCode text={reply.description} />;{' '}
            </span>
          ))}
      </p>
    </section>
  );
}

export function ApiReference({ document, intro }: { document: Document; intro: ReactNode }) {
  const resolve: ResolveRef = (ref) => document.components.schemas[ref.split('/').pop() ?? ''];
  const entries = Object.entries(document.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, operation]) => ({ path, method, operation })));
  return (
    <main className={styles.page}>
      <h1>{document.info.title}</h1>
      <p className={styles.lead}>
        <WithCode text={document.info.description} />
      </p>
      {intro}
      <nav aria-label="Operations" className={styles.toc}>
        {document.tags.map((tag) => (
          <div key={tag.name}>
            <h2 className={styles.tocTitle}>{tag.name}</h2>
            <ul>
              {entries
                .filter(({ operation }) => operation.tags?.includes(tag.name))
                .map(({ path, method, operation }) => (
                  <li key={operation.operationId}>
                    <a href={`#${anchorOf(operation.operationId)}`}>
                      <span className={styles.tocMethod}>{method.toUpperCase()}</span> {path}
                    </a>
                  </li>
                ))}
            </ul>
          </div>
        ))}
      </nav>
      {document.tags.map((tag) => (
        <section key={tag.name} aria-labelledby={`tag-${tag.name.replace(/\W+/g, '-')}`}>
          <h2 id={`tag-${tag.name.replace(/\W+/g, '-')}`} className={styles.tagTitle}>
            {tag.name}
          </h2>
          <p>{tag.description}</p>
          {entries
            .filter(({ operation }) => operation.tags?.includes(tag.name))
            .map(({ path, method, operation }) => (
              <Operation key={operation.operationId} method={method} path={path} operation={operation} resolve={resolve} document={document} />
            ))}
        </section>
      ))}
    </main>
  );
}

export type { Document as OpenApiDocument };
