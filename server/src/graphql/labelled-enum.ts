import { registerEnumType } from 'type-graphql';

/**
 * Registers a GraphQL enum whose values carry the Russian labels the UI and documents use, so
 * one label table serves both the schema descriptions and the code that prints them.
 */
export function registerLabelledEnum<E extends Record<string, string>>(
  enumObject: E,
  name: string,
  description: string,
  labels: Record<E[keyof E], string>,
): void {
  registerEnumType(enumObject, {
    name,
    description,
    valuesConfig: Object.fromEntries(
      Object.entries(labels).map(([value, label]) => [value, { description: label as string }]),
    ) as never,
  });
}
