import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import type { MikroORM } from '@mikro-orm/postgresql';
import express from 'express';
import { buildApiSchema } from './graphql/build-schema.js';
import { createContext, type GraphQLContext } from './graphql/context.js';
import { hideInternalErrors } from './graphql/hide-internal-errors.js';

/** Largest accepted request body: spreadsheets arrive base64-encoded inside GraphQL variables. */
const MAX_BODY = '30mb';

export async function createApp(orm: MikroORM) {
  const apollo = new ApolloServer<GraphQLContext>({
    schema: await buildApiSchema(),
    introspection: true,
    formatError: hideInternalErrors,
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.use(
    '/graphql',
    express.json({ limit: MAX_BODY }),
    expressMiddleware(apollo, { context: async () => createContext(orm.em) }),
  );
  return { app, stop: () => apollo.stop() };
}
