import { describe, expect, it, vi } from 'vitest';
import { collectPages, type ConnectionPage } from './collect-pages';

/** A fake API list of `total` numbers served `pageSize` at a time, with cursors like the real one. */
function pagedList(total: number, pageSize: number) {
  const all = Array.from({ length: total }, (_, index) => index + 1);
  const page = (after: string | null): ConnectionPage<number> => {
    const start = after ? Number(after) : 0;
    const nodes = all.slice(start, start + pageSize);
    return {
      nodes,
      pageInfo: {
        hasNextPage: start + pageSize < total,
        endCursor: nodes.length ? String(start + nodes.length) : null,
      },
    };
  };
  return { first: page(null), fetchPage: vi.fn(async (after: string) => page(after)) };
}

describe('collectPages', () => {
  it('follows cursors until the list ends', async () => {
    const list = pagedList(1234, 500);
    const result = await collectPages(list.first, list.fetchPage, 10_000);
    expect(result.nodes).toHaveLength(1234);
    expect(result.nodes.at(-1)).toBe(1234);
    expect(result.complete).toBe(true);
    expect(list.fetchPage.mock.calls.map(([after]) => after)).toEqual(['500', '1000']);
  });

  it('asks for nothing more when the first page is the whole list', async () => {
    const list = pagedList(3, 500);
    const result = await collectPages(list.first, list.fetchPage, 10_000);
    expect(result).toEqual({ nodes: [1, 2, 3], complete: true });
    expect(list.fetchPage).not.toHaveBeenCalled();
  });

  it('stops at the row ceiling and says the list is cut', async () => {
    const list = pagedList(2000, 500);
    const result = await collectPages(list.first, list.fetchPage, 1200);
    expect(result.nodes).toHaveLength(1200);
    expect(result.complete).toBe(false);
    expect(list.fetchPage).toHaveBeenCalledTimes(2);
  });

  it('is complete when the list is exactly as long as the ceiling', async () => {
    const list = pagedList(1000, 500);
    expect((await collectPages(list.first, list.fetchPage, 1000)).complete).toBe(true);
  });
});
