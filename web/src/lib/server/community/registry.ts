import { error, type RequestEvent } from '@sveltejs/kit';
import type { Client } from '@urql/core';
import {
  PUBLICATION_CONSENT_FIELDS,
  publicationConsentInput,
  REGISTRY_COLUMNS,
  registryRow,
  validatePublicationConsent,
  type OwnMentor,
  type RegistryColumn,
  type RegistryRow,
} from '$lib/community/registry';
import { columnKeys, sortByColumn } from '$lib/hierarchy';
import { MAX_LIST_ROWS, parseListQuery } from '$lib/list-query';
import { hasErrors, pastDayError } from '$lib/mentoring/form-checks';
import { todayIso } from '$lib/roadmap';
import { mutateApi, queryApi } from '../api-client';
import { collectPages } from '../collect-pages';
import { API_PAGE_SIZE, listPageSize } from '../config';
import type { SortedList } from '../hierarchy-lists';
import { done, field, readValues, refusal, refuse } from '../mentoring/action-outcome';
import {
  MENTOR_REGISTRY,
  OWN_MENTORS,
  RECORD_PUBLICATION_CONSENT,
  REVOKE_PUBLICATION_CONSENT,
} from './queries';

/**
 * The municipal mentor registry as its page and XLSX export read it. The API sends only what each
 * mentor agreed to publish, so searching the rows here searches only published text.
 */
export async function loadRegistry(api: Client, code: string, url: URL) {
  const query = parseListQuery(url, {
    columns: columnKeys(REGISTRY_COLUMNS),
    defaultSort: { column: 'name', direction: 'asc' },
    pageSize: listPageSize(),
    maxRows: MAX_LIST_ROWS,
  });
  const fetchPage = (after: string | null) =>
    queryApi(api, MENTOR_REGISTRY, { code, first: API_PAGE_SIZE, after });
  const { municipality, mentorRegistry } = await fetchPage(null);
  if (!municipality || !mentorRegistry) error(404, `Муниципалитет с кодом ОКТМО «${code}» не найден.`);
  const { nodes, complete } = await collectPages(
    mentorRegistry,
    async (after) => (await fetchPage(after)).mentorRegistry!,
    MAX_LIST_ROWS,
  );
  const search = query.search.toLocaleLowerCase('ru');
  const rows = nodes
    .map(registryRow)
    .filter((row) =>
      [row.name, row.competencies, row.organization, row.partner].some((text) =>
        text.toLocaleLowerCase('ru').includes(search),
      ),
    );
  const list: SortedList<RegistryRow, RegistryColumn> = {
    query,
    rows: sortByColumn(rows, REGISTRY_COLUMNS, query.sort),
    complete,
  };
  const { region, ...place } = municipality;
  return { municipality: place, region, list };
}

/**
 * The curator's own mentors, each with the publication consent in force if any. Reading their
 * names is a read of personal data, which the API writes to its audit log: the page asks for
 * them only for the school's own curator.
 */
export async function loadOwnMentors(api: Client, schoolCode: string): Promise<OwnMentor[]> {
  const fetchPage = (after: string | null) =>
    queryApi(api, OWN_MENTORS, { code: schoolCode, first: API_PAGE_SIZE, after });
  const { organization } = await fetchPage(null);
  if (!organization) return [];
  const { nodes } = await collectPages(
    organization.participants,
    async (after) => (await fetchPage(after)).organization!.participants,
    MAX_LIST_ROWS,
  );
  return nodes
    .filter((mentor) => mentor.personal !== null)
    .map((mentor) => {
      const open = mentor.publicationConsents.find((consent) => consent.revokedOn === null) ?? null;
      const personal = mentor.personal!;
      return {
        id: mentor.id,
        name: [personal.lastName, personal.firstName, personal.middleName].filter(Boolean).join(' '),
        birthDate: personal.birthDate,
        consentValid: mentor.consentStatus === 'VALID',
        publication: open && { id: open.id, fields: open.fields, signedOn: open.signedOn },
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'ru'));
}

/** The curator records and revokes publication consents of their own mentors. */
export const registryActions = {
  publish: async (event: RequestEvent) => {
    const form = await event.request.formData();
    const participantId = field(form, 'participantId');
    const values = readValues(form, PUBLICATION_CONSENT_FIELDS);
    const errors = validatePublicationConsent(values, todayIso(), field(form, 'birthDate') || null);
    if (hasErrors(errors))
      return refuse('publish', { subject: participantId, values, errors: errors as Record<string, string> });
    const outcome = await mutateApi(event.locals.api, RECORD_PUBLICATION_CONSENT, {
      participantId,
      input: publicationConsentInput(values),
    });
    if (!outcome.ok)
      return refusal('publish', outcome, PUBLICATION_CONSENT_FIELDS, { subject: participantId, values });
    done(event, 'Согласие на публикацию записано: наставник появился в реестре с разрешёнными сведениями.', {
      hash: '#own-mentors',
    });
  },

  unpublish: async (event: RequestEvent) => {
    const form = await event.request.formData();
    const consentId = field(form, 'consentId');
    const revokedOn = field(form, 'revokedOn');
    const dateError = revokedOn ? pastDayError(revokedOn, todayIso()) : 'укажите дату отзыва';
    if (dateError)
      return refuse('unpublish', {
        subject: consentId,
        values: { revokedOn },
        errors: { revokedOn: dateError },
      });
    const outcome = await mutateApi(event.locals.api, REVOKE_PUBLICATION_CONSENT, {
      id: consentId,
      revokedOn,
    });
    if (!outcome.ok)
      return refusal('unpublish', outcome, ['revokedOn'], { subject: consentId, values: { revokedOn } });
    done(event, 'Согласие на публикацию отозвано: наставника больше нет в реестре.', {
      hash: '#own-mentors',
    });
  },
};
