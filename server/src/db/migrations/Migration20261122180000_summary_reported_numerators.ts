import { Migration } from '@mikro-orm/migrations';

/** Numerators counted only in the schools that reported the contingent figure of their share. */
const COLUMNS = [
  ['mentees_pupils_10_18_where_pupils_10_18_reported', 'mentees_pupils_10_18', 'pupils_10_18_reported'],
  ['mentors_youth_15_19_where_youth_15_19_reported', 'mentors_youth_15_19', 'youth_15_19_reported'],
  [
    'mentees_young_teachers_where_young_teachers_reported',
    'mentees_young_teachers',
    'young_teachers_reported',
  ],
] as const;

export class Migration20261122180000_summary_reported_numerators extends Migration {
  override async up(): Promise<void> {
    for (const table of ['organization_summary', 'municipality_summary', 'region_summary'])
      for (const [column] of COLUMNS)
        this.addSql(`alter table ${table} add column ${column} bigint not null default 0;`);
    // Rows already stored stay exact: an organisation row holds both inputs, the sums follow it.
    this.addSql(
      `update organization_summary set ${COLUMNS.map(
        ([column, numerator, reported]) =>
          `${column} = case when ${reported} > 0 then ${numerator} else 0 end`,
      ).join(', ')};`,
    );
    this.addSql(
      `update municipality_summary m set ${COLUMNS.map(([column]) => `${column} = s.${column}`).join(', ')}
       from (select municipality_id, academic_year, ${COLUMNS.map(([column]) => `sum(${column}) as ${column}`).join(', ')}
             from organization_summary group by municipality_id, academic_year) s
       where s.municipality_id = m.municipality_id and s.academic_year = m.academic_year;`,
    );
    this.addSql(
      `update region_summary r set ${COLUMNS.map(([column]) => `${column} = s.${column}`).join(', ')}
       from (select region_id, academic_year, ${COLUMNS.map(([column]) => `sum(${column}) as ${column}`).join(', ')}
             from organization_summary group by region_id, academic_year) s
       where s.region_id = r.region_id and s.academic_year = r.academic_year;`,
    );
  }
}
