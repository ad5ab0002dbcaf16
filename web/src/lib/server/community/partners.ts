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
  type PartnerColumn,
  type PartnerRow,
} from '$lib/community/partners';
import { columnKeys, sortByColumn } from '$lib/hierarchy';
import { MAX_LIST_ROWS, parseListQuery } from '$lib/list-query';
import { hasErrors } from '$lib/mentoring/form-checks';
import { todayIso } from '$lib/roadmap';
import { mutateApi, queryApi } from '../api-client';
import { listPageSize } from '../config';
import type { SortedList } from '../hierarchy-lists';
import { done, field, readValues, refusal, refuse } from '../mentoring/action-outcome';
import {
  ADD_AGREEMENT,
  CREATE_PARTNER,
  DELETE_AGREEMENT,
  DELETE_PARTNER,
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

  deleteAgreement: async (event: RequestEvent) => {
    const agreementId = field(await event.request.formData(), 'agreementId');
    const outcome = await mutateApi(event.locals.api, DELETE_AGREEMENT, { id: agreementId });
    if (!outcome.ok) return refusal('deleteAgreement', outcome, [], { subject: agreementId });
    done(event, 'Соглашение удалено.', { hash: '#agreements' });
  },
};
