import { describe, expect, it } from 'vitest';
import { bodySizeLimit, maxImportFileBytes } from './imports';

describe('the upload size the import page states', () => {
  it('reads BODY_SIZE_LIMIT as adapter-node does', () => {
    expect(bodySizeLimit(undefined)).toBe(512 * 1024);
    expect(bodySizeLimit('8M')).toBe(8 * 1024 * 1024);
    expect(bodySizeLimit('700k')).toBe(700 * 1024);
    expect(bodySizeLimit('1000')).toBe(1000);
    expect(bodySizeLimit('Infinity')).toBe(Number.POSITIVE_INFINITY);
  });

  it('leaves room for the file to come back as base64 in the load step', () => {
    expect(maxImportFileBytes(512 * 1024)).toBe(372 * 1024);
    expect(maxImportFileBytes(Number.POSITIVE_INFINITY)).toBe(8 * 1024 * 1024);
  });
});
