import type { ReactNode } from 'react';
import styles from './api-reference.module.css';

// A JSON Schema (2020-12, as the document holds it) as a readable list of fields: name, type, whether
// it is required and its limits, nested objects and array items indented beneath.

export type Schema = Record<string, unknown>;

/** Resolves `#/components/schemas/X` against the document. */
export type ResolveRef = (ref: string) => Schema | undefined;

const NUMBER_LIMITS: [string, string][] = [
  ['minimum', '≥'],
  ['maximum', '≤'],
  ['minLength', 'min length'],
  ['maxLength', 'max length'],
  ['minItems', 'min items'],
  ['maxItems', 'max items'],
];

function variants(schema: Schema): Schema[] {
  return ((schema.anyOf ?? schema.oneOf) as Schema[] | undefined) ?? [schema];
}

/** "integer", "string or null", "array of object"… */
export function typeName(schema: Schema, resolve: ResolveRef): string {
  if (typeof schema.$ref === 'string') return (schema.$ref.split('/').pop() ?? 'object');
  if (schema.anyOf || schema.oneOf) return variants(schema).map((v) => typeName(v, resolve)).join(' or ');
  if (Array.isArray(schema.enum)) return `one of ${schema.enum.map((v) => JSON.stringify(v)).join(', ')}`;
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  const type = Array.isArray(schema.type) ? schema.type.join(' or ') : (schema.type as string | undefined);
  if (type === 'array' && schema.items) return `array of ${typeName(schema.items as Schema, resolve)}`;
  const format = typeof schema.format === 'string' ? ` (${schema.format})` : '';
  return `${type ?? 'any'}${format}`;
}

function limits(schema: Schema): string[] {
  const found: string[] = [];
  for (const candidate of variants(schema)) {
    for (const [key, label] of NUMBER_LIMITS) if (typeof candidate[key] === 'number') found.push(`${label} ${candidate[key]}`);
    // A format (uuid, date) says it more readably than the regular expression zod adds for it.
    if (typeof candidate.pattern === 'string' && typeof candidate.format !== 'string') found.push(`pattern ${candidate.pattern}`);
  }
  if (schema.default !== undefined) found.push(`default ${JSON.stringify(schema.default)}`);
  return found;
}

/** The object schema inside a field (directly, in an array, or one branch of a nullable union). */
function nestedObject(schema: Schema, resolve: ResolveRef): Schema | undefined {
  for (const candidate of variants(schema)) {
    const resolved = typeof candidate.$ref === 'string' ? resolve(candidate.$ref) : candidate;
    if (!resolved) continue;
    if (resolved.properties) return resolved;
    if (resolved.type === 'array' && resolved.items) return nestedObject(resolved.items as Schema, resolve);
  }
  return undefined;
}

export function SchemaFields({ schema, resolve, depth = 0 }: { schema: Schema; resolve: ResolveRef; depth?: number }): ReactNode {
  const object = typeof schema.$ref === 'string' ? resolve(schema.$ref) : schema;
  const properties = object?.properties as Record<string, Schema> | undefined;
  if (!properties || depth > 4) return <p className={styles.type}>{typeName(schema, resolve)}</p>;
  const required = new Set((object?.required as string[] | undefined) ?? []);
  return (
    <ul className={styles.fields}>
      {Object.entries(properties).map(([name, property]) => {
        const nested = nestedObject(property, resolve);
        const constraints = limits(property);
        return (
          <li key={name}>
            <code className={styles.fieldName}>{name}</code> <span className={styles.type}>{typeName(property, resolve)}</span>
            {required.has(name) ? <span className={styles.required}> required</span> : null}
            {constraints.length > 0 ? <span className={styles.limits}> · {constraints.join(', ')}</span> : null}
            {typeof property.description === 'string' ? <p className={styles.fieldDescription}>{property.description}</p> : null}
            {nested ? <SchemaFields schema={nested} resolve={resolve} depth={depth + 1} /> : null}
          </li>
        );
      })}
    </ul>
  );
}

/** Text with `code spans` (as the document's descriptions write them) shown as code. */
export function WithCode({ text }: { text: string }): ReactNode {
  return text.split('`').map((part, index) => (index % 2 === 1 ? <code key={index}>{part}</code> : part));
}
