import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import type { AccessScope } from '../access/access-scope.js';
import { scopePredicate } from '../access/scoped-sql.js';
import { PARTICIPANT_SCOPE_COLUMNS } from '../mentoring/participant.loaders.js';
import type { MentorPublicationConsent } from './mentor-registry.type.js';
import { createPartnerLoaders } from './partner.loaders.js';
import { createPracticeLoaders } from './practice.loaders.js';

/** Per-request loaders of partners, cases and publication consents. */
export function createCommunityLoaders(em: EntityManager, scope: AccessScope) {
  return {
    partners: createPartnerLoaders(em, scope),
    practices: createPracticeLoaders(em, scope),
    /** A mentor's publication consents, oldest first: one statement for a page of participants. */
    publicationConsents: new DataLoader<number, MentorPublicationConsent[]>(async (participantIds) => {
      const within = scopePredicate(scope, 'm', PARTICIPANT_SCOPE_COLUMNS);
      const rows = await em.execute<MentorPublicationConsent[]>(
        `select m.id, m.participant_id as "participantId", m.fields, m.signed_by as "signedBy",
                m.signed_on::text as "signedOn", m.revoked_on::text as "revokedOn"
         from mentor_publication_consent m where m.participant_id = any(?::int[]) and ${within.sql}
         order by m.signed_on, m.id`,
        [`{${participantIds.join(',')}}`, ...within.params],
      );
      const byParticipant = new Map<number, MentorPublicationConsent[]>(participantIds.map((id) => [id, []]));
      for (const row of rows) byParticipant.get(row.participantId)?.push(row);
      return participantIds.map((id) => byParticipant.get(id)!);
    }),
  };
}

export type CommunityLoaders = ReturnType<typeof createCommunityLoaders>;
