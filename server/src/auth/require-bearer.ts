import type { RequestHandler, Response } from 'express';
import { InvalidTokenError, type TokenVerifier } from './token-verifier.js';

/** Where the verified claims travel from this middleware to the GraphQL context. */
export const CLAIMS = 'accessTokenClaims';

function unauthorized(res: Response, realm: string, error?: string) {
  // RFC 6750: no error code when no token was sent, `invalid_token` when one was and failed.
  res
    .status(401)
    .set(
      'WWW-Authenticate',
      error
        ? `Bearer realm="${realm}", error="invalid_token", error_description="${error}"`
        : `Bearer realm="${realm}"`,
    )
    .json({
      errors: [
        { message: 'Требуется действительный токен доступа.', extensions: { code: 'UNAUTHENTICATED' } },
      ],
    });
}

/** Answers 401 with no data unless the request carries a valid Keycloak access token. */
export function requireBearer(verify: TokenVerifier, realm: string): RequestHandler {
  return async (req, res, next) => {
    const header = req.headers.authorization;
    const match = header?.match(/^Bearer\s+([A-Za-z0-9\-_.~+/]+=*)\s*$/i);
    if (!match) return unauthorized(res, realm, header ? 'malformed authorization header' : undefined);
    try {
      res.locals[CLAIMS] = await verify(match[1]);
      next();
    } catch (error) {
      if (!(error instanceof InvalidTokenError)) return next(error);
      unauthorized(res, realm, error.message.replace(/"/g, "'"));
    }
  };
}
