/** A page of a GraphQL connection, as the API returns it. */
export interface ConnectionPage<Node> {
  nodes: Node[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

export interface CollectedList<Node> {
  nodes: Node[];
  /** False when the list was cut at `maxRows`. */
  complete: boolean;
}

/**
 * Follows `endCursor` from the first page until the list ends or `maxRows` are read. The
 * dashboard sorts by any column and sums columns itself, which needs the whole filtered list;
 * the API pages by cursor, so the list arrives in as few requests as its page size allows.
 */
export async function collectPages<Node>(
  firstPage: ConnectionPage<Node>,
  fetchPage: (after: string) => Promise<ConnectionPage<Node>>,
  maxRows: number,
): Promise<CollectedList<Node>> {
  const nodes = [...firstPage.nodes];
  let page = firstPage;
  while (page.pageInfo.hasNextPage && page.pageInfo.endCursor && nodes.length < maxRows) {
    page = await fetchPage(page.pageInfo.endCursor);
    nodes.push(...page.nodes);
  }
  const complete = !page.pageInfo.hasNextPage && nodes.length <= maxRows;
  return { nodes: nodes.slice(0, maxRows), complete };
}
