import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import type { MikroORM } from '@mikro-orm/postgresql';
import express from 'express';
import { CLAIMS, requireBearer } from './auth/require-bearer.js';
import { createTokenVerifier, type AccessTokenClaims, type KeycloakSettings } from './auth/token-verifier.js';
import { buildApiSchema } from './graphql/build-schema.js';
import { compiledExecution } from './graphql/compiled-execution.js';
import { createContext, type GraphQLContext } from './graphql/context.js';
import { hideInternalErrors } from './graphql/hide-internal-errors.js';
import {
  STATISTICAL_REPORT_PATH,
  statisticalReportRoute,
} from './modules/reporting/statistical-report.route.js';
import { ROADMAP_ANALYSIS_PATH, roadmapAnalysisRoute } from './modules/roadmap/roadmap-analysis.route.js';

/** Largest accepted request body: spreadsheets arrive base64-encoded inside GraphQL variables. */
const MAX_BODY = '30mb';

export async function createApp(orm: MikroORM, keycloak: KeycloakSettings) {
  const apollo = new ApolloServer<GraphQLContext>({
    gateway: compiledExecution(await buildApiSchema()),
    introspection: true,
    // Stack traces name files and libraries; clients get the message and code only.
    includeStacktraceInErrorResponses: false,
    formatError: hideInternalErrors,
    // Cache hints are unused (no CDN in front), and the plugin wraps every field's resolver:
    // it doubled the time of a national indicator rollup, whose answer has ~12,000 fields.
    plugins: [ApolloServerPluginCacheControlDisabled()],
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  // Authentication comes first: a request without a valid token never reaches GraphQL or an export.
  const authenticate = requireBearer(createTokenVerifier(keycloak), keycloak.realm);
  app.get(ROADMAP_ANALYSIS_PATH, authenticate, roadmapAnalysisRoute(orm));
  app.get(STATISTICAL_REPORT_PATH, authenticate, statisticalReportRoute(orm));
  app.use(
    '/graphql',
    authenticate,
    express.json({ limit: MAX_BODY }),
    expressMiddleware(apollo, {
      context: ({ res }) => createContext(orm.em, res.locals[CLAIMS] as AccessTokenClaims),
    }),
  );
  return { app, stop: () => apollo.stop() };
}

/** Keycloak coordinates from the environment; the start script points them at the dev server. */
export function keycloakSettingsFromEnv(): KeycloakSettings {
  const url = process.env.KEYCLOAK_URL;
  if (!url) {
    throw new Error(
      'KEYCLOAK_URL не задан: укажите адрес Keycloak или запустите систему через scripts/start.sh.',
    );
  }
  return {
    url,
    realm: process.env.KEYCLOAK_REALM ?? 'nastavnik',
    audience: process.env.KEYCLOAK_API_CLIENT ?? 'nastavnik-api',
  };
}
