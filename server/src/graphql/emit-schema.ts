import { writeFile } from 'node:fs/promises';
import { buildApiSchema, printApiSchema } from './build-schema.js';

// Regenerates schema/schema.graphql; the test suite fails when the committed file drifts.
const target = new URL('../../../schema/schema.graphql', import.meta.url);
await writeFile(target, printApiSchema(await buildApiSchema()));
console.log(`Схема записана: ${target.pathname}`);
