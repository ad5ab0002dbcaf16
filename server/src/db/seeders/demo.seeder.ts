import type { EntityManager } from '@mikro-orm/postgresql';
import { Seeder } from '@mikro-orm/seeder';
import { readFile } from 'node:fs/promises';
import { systemCaller } from '../../modules/access/access-scope.js';
import { importDirectory } from '../../modules/hierarchy/directory-import.service.js';
import { DemoMentoringSeeder } from './demo-mentoring.seeder.js';

const DEMO_DIRECTORY = new URL('./demo-directory.csv', import.meta.url);

/**
 * Demo hierarchy built from the source documents (Лысково, Зея, Гадля) plus neighbours. It goes
 * through the same directory import as users' files, so it is idempotent by code.
 */
export class DemoSeeder extends Seeder {
  async run(em: EntityManager): Promise<void> {
    const content = await readFile(DEMO_DIRECTORY);
    const report = await importDirectory(
      em,
      { fileName: 'demo-directory.csv', content },
      {
        dryRun: false,
        caller: systemCaller('demo-seed'),
        allowedRegionCode: null,
      },
    );
    if (report.problems.length > 0) {
      throw new Error(`Демо-справочник не загружен: ${report.problems.map((p) => p.message).join('; ')}`);
    }
    await this.call(em, [DemoMentoringSeeder]);
  }
}
