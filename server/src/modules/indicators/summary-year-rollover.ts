import type { Knex } from '@mikro-orm/postgresql';
import { refreshOrganizationSummaries } from './organization-summary.js';
import { CURRENT_ACADEMIC_YEAR } from './summary-sources.js';

const ORGANIZATIONS_PER_BATCH = 500;
const CHECK_EVERY_MS = 60 * 60 * 1000;

/**
 * Open groups, participants and agreements count up to the current academic year, so on
 * 1 September every organisation holding one needs summary rows for the new year (earlier years
 * do not change). This refreshes all organisations in batches, each batch its own transaction:
 * writers wait for one batch at most, never for a whole rebuild. Progress is stored with the
 * state row, locked per batch, so a restart resumes and two API instances never share a batch.
 * Returns how many organisations it refreshed (0 when the summary already reaches this year).
 */
export async function rollSummariesIntoCurrentYear(
  knex: Knex,
  organizationsPerBatch = ORGANIZATIONS_PER_BATCH,
): Promise<number> {
  let refreshed = 0;
  for (;;) {
    const batch = await knex.transaction(async (trx) => {
      const { rows } = await trx.raw<{
        rows: {
          academic_year: number;
          current_year: number;
          rollover_year: number | null;
          after: number | null;
        }[];
      }>(
        `select academic_year, ${CURRENT_ACADEMIC_YEAR} as current_year, rollover_year,
                rollover_after_organization_id as after
         from summary_state for update skip locked`,
      );
      const state = rows[0];
      if (!state || state.academic_year >= state.current_year) return 0;
      // A rollover begun for another year (it stalled past a whole year) starts over.
      const after = state.rollover_year === state.current_year ? (state.after ?? 0) : 0;
      const ids = (
        await trx.raw<{ rows: { id: number }[] }>(
          `select id from organization where id > ? order by id limit ?`,
          [after, organizationsPerBatch],
        )
      ).rows.map((row) => row.id);
      if (ids.length === 0) {
        await trx.raw(
          `update summary_state set academic_year = ?, rollover_year = null, rollover_after_organization_id = null`,
          [state.current_year],
        );
        return 0;
      }
      await refreshOrganizationSummaries(trx, ids);
      await trx.raw(`update summary_state set rollover_year = ?, rollover_after_organization_id = ?`, [
        state.current_year,
        ids.at(-1)!,
      ]);
      return ids.length;
    });
    if (batch === 0) return refreshed;
    refreshed += batch;
  }
}

/**
 * Runs the rollover now and then hourly, in the background of the API. A failed run (say a
 * period lock on data that changed behind the write path) is logged and retried next hour.
 */
export function scheduleSummaryYearRollover(knex: Knex): { stop: () => Promise<void> } {
  let running: Promise<void> = Promise.resolve();
  const run = () => {
    running = running.then(async () => {
      try {
        const refreshed = await rollSummariesIntoCurrentYear(knex);
        if (refreshed > 0) console.log(`Сводка показателей переведена в новый учебный год: ОО ${refreshed}`);
      } catch (error) {
        console.error('Перевод сводки показателей в новый учебный год не удался, повтор через час:', error);
      }
    });
  };
  run();
  const timer = setInterval(run, CHECK_EVERY_MS).unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
