import 'reflect-metadata';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { authChecker } from '../modules/access/auth-checker.js';
import { MeResolver } from '../modules/access/me.resolver.js';
import { AuditResolver } from '../modules/audit/audit.resolver.js';
import {
  MentorRegistryResolver,
  ParticipantPublicationResolver,
} from '../modules/community/mentor-registry.resolver.js';
import {
  MunicipalityPartnerCountsResolver,
  OrganizationPartnersResolver,
  ParticipantPartnerResolver,
  PartnerAgreementResolver,
  PartnerResolver,
  RegionPartnerCountsResolver,
} from '../modules/community/partner.resolver.js';
import {
  MunicipalityPracticesResolver,
  OrganizationPracticesResolver,
  PracticeResolver,
  RegionPracticesResolver,
} from '../modules/community/practice.resolver.js';
import { DirectoryImportResolver } from '../modules/hierarchy/directory-import.resolver.js';
import { ContingentResolver } from '../modules/indicators/contingent.resolver.js';
import { MunicipalityResolver } from '../modules/hierarchy/municipality.resolver.js';
import { OrganizationResolver } from '../modules/hierarchy/organization.resolver.js';
import { RegionResolver } from '../modules/hierarchy/region.resolver.js';
import { IndicatorDefinitionResolver } from '../modules/indicators/indicator-definition.resolver.js';
import { IndicatorRollupResolver } from '../modules/indicators/indicator-rollup.resolver.js';
import { ReportWorkflowResolver } from '../modules/reporting/report-workflow.resolver.js';
import { StatisticalReportResolver } from '../modules/reporting/statistical-report.resolver.js';
import {
  MentoringGroupResolver,
  OrganizationMentoringResolver,
} from '../modules/mentoring/mentoring-group.resolver.js';
import { MentoringGroupImportResolver } from '../modules/mentoring/mentoring-group-import.resolver.js';
import { MentoringMeetingResolver } from '../modules/mentoring/mentoring-meeting.resolver.js';
import { MentoringProgramResolver } from '../modules/mentoring/mentoring-program.resolver.js';
import { MonitoringResolver, ProgramMonitoringResolver } from '../modules/mentoring/monitoring.resolver.js';
import { MatchingResolver } from '../modules/mentoring/matching.resolver.js';
import {
  MunicipalityParticipantCountsResolver,
  OrganizationParticipantCountsResolver,
  RegionParticipantCountsResolver,
} from '../modules/mentoring/participant-counts.resolver.js';
import { ParticipantImportResolver } from '../modules/mentoring/participant-import.resolver.js';
import {
  OrganizationParticipantsResolver,
  ParticipantResolver,
} from '../modules/mentoring/participant.resolver.js';
import { RoadmapImportResolver } from '../modules/roadmap/roadmap-import.resolver.js';
import { RoadmapItemResolver } from '../modules/roadmap/roadmap-item.resolver.js';
import {
  MunicipalityRoadmapResolver,
  OrganizationRoadmapResolver,
  RegionRoadmapResolver,
} from '../modules/roadmap/roadmap-owner.resolver.js';
import { OrganizationRoadmapRowResolver } from '../modules/roadmap/roadmap-row.resolver.js';
import { RoadmapTrackingResolver } from '../modules/roadmap/roadmap-tracking.resolver.js';
import { RoadmapResolver } from '../modules/roadmap/roadmap.resolver.js';

/** Every resolver of the API; feature modules add theirs here. */
export const resolvers = [
  MeResolver,
  RegionResolver,
  MunicipalityResolver,
  OrganizationResolver,
  AuditResolver,
  DirectoryImportResolver,
  RoadmapResolver,
  RoadmapItemResolver,
  RoadmapTrackingResolver,
  OrganizationRoadmapRowResolver,
  OrganizationRoadmapResolver,
  MunicipalityRoadmapResolver,
  RegionRoadmapResolver,
  RoadmapImportResolver,
  ParticipantResolver,
  OrganizationParticipantsResolver,
  ParticipantImportResolver,
  MentoringGroupImportResolver,
  OrganizationParticipantCountsResolver,
  MunicipalityParticipantCountsResolver,
  RegionParticipantCountsResolver,
  MentoringProgramResolver,
  MentoringGroupResolver,
  OrganizationMentoringResolver,
  MatchingResolver,
  MentoringMeetingResolver,
  MonitoringResolver,
  ProgramMonitoringResolver,
  ContingentResolver,
  IndicatorDefinitionResolver,
  IndicatorRollupResolver,
  StatisticalReportResolver,
  ReportWorkflowResolver,
  PartnerResolver,
  PartnerAgreementResolver,
  OrganizationPartnersResolver,
  MunicipalityPartnerCountsResolver,
  RegionPartnerCountsResolver,
  ParticipantPartnerResolver,
  PracticeResolver,
  OrganizationPracticesResolver,
  MunicipalityPracticesResolver,
  RegionPracticesResolver,
  MentorRegistryResolver,
  ParticipantPublicationResolver,
] as const;

export async function buildApiSchema(): Promise<GraphQLSchema> {
  const schema = await buildSchema({ resolvers, validate: false, authChecker, authMode: 'error' });
  // type-graphql has no option for root type descriptions; third-party docs need them.
  const query = schema.getQueryType();
  if (query) query.description = 'Чтение данных: иерархия, показатели, отчёты — в пределах прав вызывающего.';
  const mutation = schema.getMutationType();
  if (mutation) mutation.description = 'Изменение данных; каждое изменение выполняется в одной транзакции.';
  return schema;
}

/** The text committed as schema/schema.graphql: sorted, so diffs show real API changes only. */
export function printApiSchema(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
