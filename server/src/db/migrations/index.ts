import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261122090000_hierarchy } from './Migration20261122090000_hierarchy.js';
import { Migration20261122100000_audit } from './Migration20261122100000_audit.js';
import { Migration20261122110000_roadmap } from './Migration20261122110000_roadmap.js';
import { Migration20261122120000_participants } from './Migration20261122120000_participants.js';
import { Migration20261122130000_mentoring_groups } from './Migration20261122130000_mentoring_groups.js';
import { Migration20261122140000_meetings } from './Migration20261122140000_meetings.js';
import { Migration20261122141500_monitoring } from './Migration20261122141500_monitoring.js';
import { Migration20261122160000_indicator_summary } from './Migration20261122160000_indicator_summary.js';
import { Migration20261122151500_mentoring_group_number } from './Migration20261122151500_mentoring_group_number.js';
import { Migration20261122161000_indicator_definitions } from './Migration20261122161000_indicator_definitions.js';
import { Migration20261122150000_community } from './Migration20261122150000_community.js';
import { Migration20261122170000_statistical_reports } from './Migration20261122170000_statistical_reports.js';
import { Migration20261122161500_indicator_definition_revision } from './Migration20261122161500_indicator_definition_revision.js';
import { Migration20261122180000_summary_reported_numerators } from './Migration20261122180000_summary_reported_numerators.js';
import { Migration20261122190000_summary_year } from './Migration20261122190000_summary_year.js';

/** Applied in this order; new migrations are appended, never edited after they ship. */
export const migrationsList: MigrationObject[] = [
  { name: 'Migration20261122090000_hierarchy', class: Migration20261122090000_hierarchy },
  { name: 'Migration20261122100000_audit', class: Migration20261122100000_audit },
  { name: 'Migration20261122110000_roadmap', class: Migration20261122110000_roadmap },
  { name: 'Migration20261122120000_participants', class: Migration20261122120000_participants },
  { name: 'Migration20261122130000_mentoring_groups', class: Migration20261122130000_mentoring_groups },
  { name: 'Migration20261122140000_meetings', class: Migration20261122140000_meetings },
  { name: 'Migration20261122141500_monitoring', class: Migration20261122141500_monitoring },
  { name: 'Migration20261122160000_indicator_summary', class: Migration20261122160000_indicator_summary },
  {
    name: 'Migration20261122151500_mentoring_group_number',
    class: Migration20261122151500_mentoring_group_number,
  },
  {
    name: 'Migration20261122161000_indicator_definitions',
    class: Migration20261122161000_indicator_definitions,
  },
  { name: 'Migration20261122170000_statistical_reports', class: Migration20261122170000_statistical_reports },
  { name: 'Migration20261122150000_community', class: Migration20261122150000_community },
  {
    name: 'Migration20261122161500_indicator_definition_revision',
    class: Migration20261122161500_indicator_definition_revision,
  },
  {
    name: 'Migration20261122180000_summary_reported_numerators',
    class: Migration20261122180000_summary_reported_numerators,
  },
  { name: 'Migration20261122190000_summary_year', class: Migration20261122190000_summary_year },
];
