import type { EntityManager } from '@mikro-orm/postgresql';

// Placeholder until the directory import lands (being written now).
export async function importDirectory(
  _em: EntityManager,
  _file: { fileName: string; content: Buffer },
  _options: { dryRun: boolean },
): Promise<{ problems: { message: string }[] }> {
  return { problems: [] };
}
