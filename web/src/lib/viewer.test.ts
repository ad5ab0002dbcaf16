import { describe, expect, it } from 'vitest';
import {
  canBrowseLevel,
  homeLabel,
  indicatorsPath,
  landingPath,
  reportsPath,
  roadmapsPath,
  scopeLabel,
  startPath,
  type Viewer,
  type ViewerScope,
} from './viewer';

function viewer(scope: ViewerScope): Pick<Viewer, 'scope'> {
  return { scope };
}

describe('landingPath', () => {
  it.each<[ViewerScope, string]>([
    [{ level: 'federation', code: null, name: null }, '/'],
    [{ level: 'region', code: '28', name: null }, '/regions/28'],
    [{ level: 'municipality', code: '10712000', name: null }, '/municipalities/10712000'],
    [{ level: 'organization', code: '280001', name: null }, '/organizations/280001'],
  ])('sends a user scoped to %o to %s', (scope, path) => {
    expect(landingPath(scope)).toBe(path);
  });

  it('keeps an odd code inside its path segment', () => {
    expect(landingPath({ level: 'organization', code: '../admin?x' })).toBe('/organizations/..%2Fadmin%3Fx');
  });
});

describe('canBrowseLevel', () => {
  const curator = viewer({ level: 'organization', code: '280001', name: null });
  const coordinator = viewer({ level: 'municipality', code: '10712000', name: null });
  const federal = viewer({ level: 'federation', code: null, name: null });

  it('offers a curator only their own organization, not the region or municipality above it', () => {
    expect(canBrowseLevel(curator, 'organization')).toBe(true);
    expect(canBrowseLevel(curator, 'municipality')).toBe(false);
    expect(canBrowseLevel(curator, 'region')).toBe(false);
    expect(canBrowseLevel(curator, 'federation')).toBe(false);
  });

  it('offers a coordinator their municipality and its schools', () => {
    expect(canBrowseLevel(coordinator, 'municipality')).toBe(true);
    expect(canBrowseLevel(coordinator, 'organization')).toBe(true);
    expect(canBrowseLevel(coordinator, 'region')).toBe(false);
  });

  it('offers a federal analyst everything and an anonymous visitor nothing', () => {
    expect(canBrowseLevel(federal, 'federation')).toBe(true);
    expect(canBrowseLevel(null, 'organization')).toBe(false);
  });
});

describe('scopeLabel and homeLabel', () => {
  it('names the node when known and falls back to its code', () => {
    expect(scopeLabel({ level: 'organization', code: '280001', name: 'МОАУ СОШ № 1' })).toBe('МОАУ СОШ № 1');
    expect(scopeLabel({ level: 'municipality', code: '10712000', name: null })).toBe('ОКТМО 10712000');
    expect(scopeLabel({ level: 'federation', code: null, name: null })).toBe('Российская Федерация');
  });

  it('names the start page after the level', () => {
    expect(homeLabel('federation')).toBe('Субъекты РФ');
    expect(homeLabel('organization')).toBe('Моя организация');
  });
});

describe('roadmapsPath', () => {
  it.each<[ViewerScope, string]>([
    [{ level: 'federation', code: null, name: null }, '/roadmaps'],
    [{ level: 'region', code: '28', name: null }, '/regions/28/roadmaps'],
    [{ level: 'municipality', code: '10712000', name: null }, '/municipalities/10712000/roadmaps'],
    [{ level: 'organization', code: '280001', name: null }, '/organizations/280001/roadmap'],
  ])('leads a user scoped to %o to %s', (scope, path) => {
    expect(roadmapsPath(scope)).toBe(path);
  });
});

describe('startPath', () => {
  it('starts analysts on the target indicators of their node', () => {
    expect(
      startPath({ roles: ['federal-analyst'], scope: { level: 'federation', code: null, name: null } }),
    ).toBe('/indicators');
    expect(
      startPath({ roles: ['regional-analyst'], scope: { level: 'region', code: '52', name: null } }),
    ).toBe('/indicators/region/52');
  });

  it('starts everyone else on their node of the hierarchy', () => {
    expect(startPath({ roles: ['regional-admin'], scope: { level: 'region', code: '28', name: null } })).toBe(
      '/regions/28',
    );
    expect(
      startPath({
        roles: ['municipal-coordinator'],
        scope: { level: 'municipality', code: '10712000', name: null },
      }),
    ).toBe('/municipalities/10712000');
  });
});

describe('indicatorsPath and reportsPath', () => {
  it.each<[ViewerScope, string, string | null]>([
    [{ level: 'federation', code: null, name: null }, '/indicators', null],
    [{ level: 'region', code: '28', name: null }, '/indicators/region/28', '/regions/28/reports'],
    [
      { level: 'municipality', code: '10712000', name: null },
      '/indicators/municipality/10712000',
      '/municipalities/10712000/reports',
    ],
    [
      { level: 'organization', code: '280001', name: null },
      '/indicators/organization/280001',
      '/organizations/280001/report',
    ],
  ])('leads a user scoped to %o to %s and %s', (scope, indicators, reports) => {
    expect(indicatorsPath(scope)).toBe(indicators);
    expect(reportsPath(scope)).toBe(reports);
  });
});
