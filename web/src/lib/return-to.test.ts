import { describe, expect, it } from 'vitest';
import { loginPath, safeReturnTo, sessionExpiredPath } from './return-to';

describe('safeReturnTo', () => {
  it('keeps a path on this site with its query', () => {
    expect(safeReturnTo('/regions/28?q=Зея&sort=name')).toBe('/regions/28?q=%D0%97%D0%B5%D1%8F&sort=name');
    expect(safeReturnTo('/municipalities/10712000')).toBe('/municipalities/10712000');
  });

  it.each([
    'https://evil.example/',
    '//evil.example/path',
    '/\\evil.example',
    'javascript:alert(1)',
    'regions/28',
    '/\t/evil.example',
    '',
    null,
    undefined,
  ])('refuses %s, which could leave the site, and returns to the start page', (raw) => {
    expect(safeReturnTo(raw)).toBe('/');
  });

  it('does not return into the sign-in routes (no loops)', () => {
    expect(safeReturnTo('/auth/login?returnTo=/auth/login')).toBe('/');
    expect(safeReturnTo('/auth/callback?code=x')).toBe('/');
  });
});

describe('loginPath and sessionExpiredPath', () => {
  it('carry the way back as an encoded parameter', () => {
    expect(loginPath('/regions/28?q=a b')).toBe('/auth/login?returnTo=%2Fregions%2F28%3Fq%3Da%2520b');
    expect(sessionExpiredPath('/organizations/280001')).toBe(
      '/auth/expired?returnTo=%2Forganizations%2F280001',
    );
  });

  it('leave the parameter out for the start page', () => {
    expect(loginPath('/')).toBe('/auth/login');
    expect(sessionExpiredPath('https://evil.example')).toBe('/auth/expired');
  });
});
