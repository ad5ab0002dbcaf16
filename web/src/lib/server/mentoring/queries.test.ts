import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildSchema, validate, type DocumentNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import * as queries from './queries';

/** The published schema (schema/schema.graphql), which the API emits and CI keeps current. */
const schema = buildSchema(
  readFileSync(fileURLToPath(new URL('../../../../../schema/schema.graphql', import.meta.url)), 'utf8'),
);

const documents = Object.entries(queries).filter(
  (entry): entry is [string, DocumentNode] =>
    typeof entry[1] === 'object' && entry[1] !== null && (entry[1] as DocumentNode).kind === 'Document',
);

describe('the mentoring pages’ GraphQL operations', () => {
  it('are all here', () => {
    expect(documents.length).toBeGreaterThanOrEqual(20);
  });

  it.each(documents)('%s is valid against the published schema', (_, document) => {
    expect(validate(schema, document).map((error) => error.message)).toEqual([]);
  });
});
