import { error, type RequestEvent } from '@sveltejs/kit';
import type { Client } from '@urql/core';
import {
  AGREEMENT_FIELDS,
  agreementInput,
  PARTNER_COLUMNS,
  PARTNER_FIELDS,
  partnerInput,
  partnerMatches,
  partnerRow,
  validateAgreement,
  validatePartner,
  type EmployerMentor,
  type PartnerColumn,
  type PartnerRow,
} from '$lib/community/partners';
import { columnKeys, sortByColumn } from '$lib/hierarchy';
import { MAX_LIST_ROWS, parseListQuery } from '$lib/list-query';
import { hasErrors } from '$lib/mentoring/form-checks';
import { todayIso } from '$lib/roadmap';
import { mutateApi, queryApi } from '../api-client';
import { collectPages } from '../collect-pages';
import { API_PAGE_SIZE, listPageSize } from '../config';
import type { SortedList } from '../hierarchy-lists';
import { done, field, readValues, refusal, refuse } from '../mentoring/action-outcome';
import {
  ADD_AGREEMENT,
  CREATE_PARTNER,
  DELETE_AGREEMENT,
  DELETE_PARTNER,
  EMPLOYER_MENTORS,
  LINK_MENTOR,
  SCHOOL_PARTNERS,
  UPDATE_AGREEMENT,
  UPDATE_PARTNER,
} from './queries';

/**
 * A school's partner organisations and agreements, as the page and its XLSX export read them
 * (search and order from the URL). A school has tens of partners at most: the API returns them
 * all at once, with their agreements and counts, in one request.
 */
export async function loadPartners(api: Client, code: string, url: URL) {
  const { organization } = await queryApi(api, SCHOOL_PARTNERS, { code });
  if (!organization) error(404, `Образовательная организация с кодом «${code}» не найдена.`);
  const query = parseListQuery(url, {
    columns: columnKeys(PARTNER_COLUMNS),
    defaultSort: { column: 'name', direction: 'asc' },
    pageSize: listPageSize(),
    maxRows: MAX_LIST_ROWS,
  });
  const rows = organization.partners.map(partnerRow).filter((row) => partnerMatches(row, query.search));
  const list: SortedList<PartnerRow, PartnerColumn> = {
    query,
    rows: sortByColumn(rows, PARTNER_COLUMNS, query.sort),
    complete: true,
  };
  const { partners, partnerCounts, ...school } = organization;
  return { school, partners, counts: partnerCounts, list };
}

/**
 * The school's employer representative mentors, for its curator to link to partners. Their names
 * are personal data, which the API writes to its audit log on every read: only the curator's
 * page asks.
 */
export async function loadEmployerMentors(api: Client, code: string): Promise<EmployerMentor[]> {
  const fetchPage = (after: string | null) =>
    queryApi(api, EMPLOYER_MENTORS, { code, first: API_PAGE_SIZE, after });
  const { organization } = await fetchPage(null);
  if (!organization) return [];
  const { nodes } = await collectPages(
    organization.participants,
    async (after) => (await fetchPage(after)).organization!.participants,
    MAX_LIST_ROWS,
  );
  return nodes
    .filter((mentor) => mentor.personal !== null)
    .map((mentor) => ({
      id: mentor.id,
      name: [mentor.personal!.lastName, mentor.personal!.firstName, mentor.personal!.middleName]
        .filter(Boolean)
        .join(' '),
      partnerOrganization: mentor.partnerOrganization,
      partner: mentor.partner,
    }))
    .sort((a, b) => a.name.localeCompare(b.name, 'ru'));
}

const partnersPath = (event: RequestEvent) =>
  `/organizations/${encodeURIComponent(event.params.code ?? '')}/partners`;

const partnerPath = (event: RequestEvent, id: string) => `${partnersPath(event)}/${encodeURIComponent(id)}`;

/** The list page: a new partner. */
export const partnerListActions = {
  createPartner: async (event: RequestEvent) => {
    const values = readValues(await event.request.formData(), PARTNER_FIELDS);
    const errors = validatePartner(values);
    if (hasErrors(errors))
      return refuse('createPartner', { values, errors: errors as Record<string, string> });
    const outcome = await mutateApi(event.locals.api, CREATE_PARTNER, { input: partnerInput(values) });
    if (!outcome.ok) return refusal('createPartner', outcome, PARTNER_FIELDS, { values });
    const partner = outcome.data.createPartner;
    done(event, `Организация-партнёр «${partner.name}» добавлена. Добавьте соглашение о сотрудничестве.`, {
      path: partnerPath(event, partner.id),
    });
  },
};

/** The partner's page: its details, its agreements, deletion. */
export const partnerActions = {
  updatePartner: async (event: RequestEvent) => {
    const values = readValues(await event.request.formData(), PARTNER_FIELDS);
    const errors = validatePartner(values);
    if (hasErrors(errors))
      return refuse('updatePartner', { values, errors: errors as Record<string, string> });
    const outcome = await mutateApi(event.locals.api, UPDATE_PARTNER, {
      id: event.params.id ?? '',
      input: partnerInput(values),
    });
    if (!outcome.ok) return refusal('updatePartner', outcome, PARTNER_FIELDS, { values });
    done(event, `Сведения об организации-партнёре «${outcome.data.updatePartner.name}» сохранены.`);
  },

  deletePartner: async (event: RequestEvent) => {
    const outcome = await mutateApi(event.locals.api, DELETE_PARTNER, { id: event.params.id ?? '' });
    if (!outcome.ok) return refusal('deletePartner', outcome, []);
    done(event, 'Организация-партнёр удалена вместе с её соглашениями.', { path: partnersPath(event) });
  },

  /** A new agreement, or a change to the one `agreementId` names (a refusal names it as its subject). */
  saveAgreement: async (event: RequestEvent) => {
    const form = await event.request.formData();
    const agreementId = field(form, 'agreementId');
    const subject = agreementId || null;
    const values = readValues(form, AGREEMENT_FIELDS);
    const errors = validateAgreement(values, todayIso());
    if (hasErrors(errors))
      return refuse('saveAgreement', { subject, values, errors: errors as Record<string, string> });
    const input = agreementInput(values);
    const outcome = agreementId
      ? await mutateApi(event.locals.api, UPDATE_AGREEMENT, { id: agreementId, input })
      : await mutateApi(event.locals.api, ADD_AGREEMENT, { partnerId: event.params.id ?? '', input });
    if (!outcome.ok) return refusal('saveAgreement', outcome, AGREEMENT_FIELDS, { subject, values });
    done(
      event,
      agreementId ? `Соглашение № ${input.number} сохранено.` : `Соглашение № ${input.number} добавлено.`,
      { hash: '#agreements' },
    );
  },

  /** Links a mentor to this partner (`link` = 1) or unlinks them. */
  linkMentor: async (event: RequestEvent) => {
    const form = await event.request.formData();
    const participantId = field(form, 'participantId');
    const link = field(form, 'link') === '1';
    const outcome = await mutateApi(event.locals.api, LINK_MENTOR, {
      participantId,
      partnerId: link ? (event.params.id ?? '') : null,
    });
    if (!outcome.ok) return refusal('linkMentor', outcome, [], { subject: participantId });
    done(
      event,
      link
        ? `Наставник привязан к организации-партнёру «${outcome.data.linkMentorToPartner.partner?.name ?? ''}».`
        : 'Наставник отвязан от организации-партнёра.',
      { hash: '#employer-mentors' },
    );
  },

  deleteAgreement: async (event: RequestEvent) => {
    const agreementId = field(await event.request.formData(), 'agreementId');
    const outcome = await mutateApi(event.locals.api, DELETE_AGREEMENT, { id: agreementId });
    if (!outcome.ok) return refusal('deleteAgreement', outcome, [], { subject: agreementId });
    done(event, 'Соглашение удалено.', { hash: '#agreements' });
  },
};
