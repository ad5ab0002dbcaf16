import type { ApolloServerOptionsWithGateway } from '@apollo/server';
import {
  astFromValue,
  getOperationAST,
  getVariableValues,
  GraphQLError,
  isInputObjectType,
  isListType,
  isNonNullType,
  locatedError,
  typeFromAST,
  valueFromASTUntyped,
  type GraphQLInputType,
  type GraphQLSchema,
  type VariableDefinitionNode,
} from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import type { GraphQLContext } from './context.js';

type Gateway = ApolloServerOptionsWithGateway<GraphQLContext>['gateway'];

/** Distinct operations kept compiled; clients send a handful, so this bounds only a misbehaving one. */
const COMPILED_OPERATIONS_MAX = 500;

/**
 * graphql-jit reports errors with its own class, which lacks `extensions`: rebuild each as
 * graphql-js would, so codes thrown by resolvers (BAD_USER_INPUT, NOT_FOUND, …) reach clients.
 */
function asGraphQLError(error: GraphQLError): GraphQLError {
  const original = error.originalError ?? error;
  return original instanceof GraphQLError && original.extensions
    ? locatedError(original, error.nodes, error.path)
    : new GraphQLError(error.message, { nodes: error.nodes, path: error.path, originalError: original });
}

/**
 * A variable's value as the client sent it, with the default values of input object fields
 * filled in (as the client could have written them): graphql-jit does not apply those defaults.
 */
function withInputDefaults(type: GraphQLInputType, value: unknown): unknown {
  if (value === null || value === undefined) return value;
  if (isNonNullType(type)) return withInputDefaults(type.ofType, value);
  if (isListType(type))
    return Array.isArray(value)
      ? value.map((item) => withInputDefaults(type.ofType, item))
      : withInputDefaults(type.ofType, value);
  if (!isInputObjectType(type) || typeof value !== 'object') return value;
  const filled: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  for (const field of Object.values(type.getFields())) {
    if (field.name in filled) filled[field.name] = withInputDefaults(field.type, filled[field.name]);
    else if (field.defaultValue !== undefined)
      filled[field.name] = valueFromASTUntyped(astFromValue(field.defaultValue, field.type)!);
  }
  return filled;
}

function variablesWithInputDefaults(
  schema: GraphQLSchema,
  definitions: readonly VariableDefinitionNode[],
  variables: Record<string, unknown>,
): Record<string, unknown> {
  const filled = { ...variables };
  for (const definition of definitions) {
    const name = definition.variable.name.value;
    const type = typeFromAST(schema, definition.type) as GraphQLInputType | undefined;
    if (type && name in filled) filled[name] = withInputDefaults(type, filled[name]);
  }
  return filled;
}

/**
 * Executes operations with graphql-jit instead of graphql-js's interpreter: an operation is
 * compiled once into a function and then run per request. A national indicator rollup answers
 * ~12,000 fields, and graphql-js spent most of that request walking them one by one.
 *
 * Apollo Server plugs in another executor only through its gateway interface; this "gateway"
 * serves the one local schema. Parsing, validation, plugins, errors and the HTTP layer stay
 * Apollo's, and so do the resolvers (the same functions, with the same context).
 */
export function compiledExecution(schema: GraphQLSchema): Gateway {
  const compiled = new Map<string, CompiledQuery>();
  return {
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => {};
    },
    async load() {
      return {
        executor: async (request) => {
          const definitions =
            getOperationAST(request.document, request.operationName)?.variableDefinitions ?? [];
          const raw = request.request.variables ?? {};
          // graphql-js checks them first: its messages name the variable and field at fault.
          const checked = getVariableValues(schema, definitions, raw);
          if (checked.errors) return { errors: checked.errors };
          const key = `${request.queryHash}:${request.operationName ?? ''}`;
          let query = compiled.get(key);
          if (!query) {
            const result = compileQuery(schema, request.document, request.operationName ?? undefined);
            // Apollo has validated the document already: what fails here fails for every request.
            if (!isCompiledQuery(result)) return result;
            query = result;
            if (compiled.size >= COMPILED_OPERATIONS_MAX) compiled.delete(compiled.keys().next().value!);
            compiled.set(key, query);
          }
          const variables = variablesWithInputDefaults(schema, definitions, raw);
          const result = await query.query(undefined, request.context, variables);
          return result.errors ? { ...result, errors: result.errors.map(asGraphQLError) } : result;
        },
      };
    },
    async stop() {},
  };
}
