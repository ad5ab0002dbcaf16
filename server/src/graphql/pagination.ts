import { ArgsType, Field, Int, ObjectType, registerEnumType, type ClassType } from 'type-graphql';
import { badInput } from './errors.js';

export enum HierarchyOrder {
  NAME = 'NAME',
  CODE = 'CODE',
}

registerEnumType(HierarchyOrder, {
  name: 'HierarchyOrder',
  description: 'Порядок элементов в списке.',
  valuesConfig: {
    NAME: { description: 'По наименованию (А–Я).' },
    CODE: { description: 'По коду.' },
  },
});

export const MAX_PAGE_SIZE = 500;

/** Arguments of lists short enough to return whole (the regions). */
@ArgsType()
export class ListArgs {
  @Field(() => String, {
    nullable: true,
    description:
      'Поиск подстроки без учёта регистра: по наименованию и коду, у ОО также по сокращённому наименованию и ИНН.',
  })
  search?: string | null;

  @Field(() => HierarchyOrder, { defaultValue: HierarchyOrder.NAME, description: 'Порядок сортировки.' })
  orderBy!: HierarchyOrder;
}

/** Arguments of lists read page by page with a cursor. */
@ArgsType()
export class PageArgs extends ListArgs {
  @Field(() => Int, {
    defaultValue: 100,
    description: `Сколько элементов вернуть (0–${MAX_PAGE_SIZE}; 0 — только totalCount).`,
  })
  first!: number;

  @Field(() => String, { nullable: true, description: 'Курсор `endCursor` предыдущей страницы.' })
  after?: string | null;
}

@ObjectType({ description: 'Сведения о странице списка.' })
export class PageInfo {
  @Field(() => Boolean, { description: 'Есть ли элементы после этой страницы.' })
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Курсор последнего элемента страницы.' })
  endCursor!: string | null;
}

/** What a connection resolver hands to its field resolvers; `totalCount` is computed lazily. */
export interface Page<T> {
  nodes: T[];
  pageInfo: PageInfo;
  /** A getter: the count query runs only when a client asks for the field. */
  readonly totalCount: Promise<number>;
}

export function Connection<T extends object>(nodeType: ClassType<T>) {
  @ObjectType()
  abstract class ConnectionClass {
    @Field(() => [nodeType], { description: 'Элементы страницы.' })
    nodes!: T[];

    @Field(() => PageInfo, { description: 'Сведения о странице.' })
    pageInfo!: PageInfo;

    // Read from the page's lazy getter, so the count query runs only for clients that ask for it.
    @Field(() => Int, { description: 'Сколько всего элементов подходит под условия (без учёта страниц).' })
    totalCount!: number;
  }
  return ConnectionClass;
}

/** Cursor = the sort key and id of the last row seen, opaque to clients. */
export interface CursorPosition {
  sortKey: string;
  id: number;
}

export function encodeCursor(position: CursorPosition): string {
  return Buffer.from(JSON.stringify([position.sortKey, position.id])).toString('base64url');
}

export function decodeCursor(cursor: string): CursorPosition {
  try {
    const [sortKey, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof sortKey === 'string' && Number.isInteger(id)) return { sortKey, id: id as number };
  } catch {
    // fall through to the error below
  }
  throw badInput('after', 'некорректный курсор: передайте `endCursor` из предыдущего ответа');
}

export function checkPageSize(first: number): void {
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw badInput('first', `допустимо от 0 до ${MAX_PAGE_SIZE}, передано ${first}`);
  }
}

/** How rows fetched as "first + 1 per parent" become one page per parent. */
export interface PagesByParent<T> {
  first: number;
  parentOf: (row: Record<string, unknown>) => number;
  toNode: (row: Record<string, unknown>) => T;
  /** The sort key a cursor resumes after ('' when lists are ordered by id alone). */
  sortKeyOf: (node: T) => string;
  /** The count behind `totalCount`, loaded only if a client asks for it. */
  totalOf: (parent: number) => Promise<number>;
}

/**
 * Splits the rows of one batched page query into a page per parent, in the parents' order. The
 * query asks for one row more than `first` per parent: its presence means a next page exists.
 */
export function pagesByParent<T extends { id: number }>(
  parents: readonly number[],
  rows: readonly Record<string, unknown>[],
  shape: PagesByParent<T>,
): Page<T>[] {
  const nodesByParent = new Map<number, T[]>();
  const hasNextPage = new Set<number>();
  for (const row of rows) {
    const parent = shape.parentOf(row);
    const nodes = nodesByParent.get(parent) ?? [];
    if (nodes.length === shape.first) hasNextPage.add(parent);
    else nodes.push(shape.toNode(row));
    nodesByParent.set(parent, nodes);
  }
  return parents.map((parent) => {
    const nodes = nodesByParent.get(parent) ?? [];
    const last = nodes.at(-1);
    return {
      nodes,
      pageInfo: {
        hasNextPage: hasNextPage.has(parent),
        endCursor: last ? encodeCursor({ sortKey: shape.sortKeyOf(last), id: last.id }) : null,
      },
      get totalCount() {
        return shape.totalOf(parent);
      },
    };
  });
}
