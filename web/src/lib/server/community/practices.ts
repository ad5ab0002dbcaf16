import { error, type RequestEvent } from '@sveltejs/kit';
import type { Client } from '@urql/core';
import {
  PRACTICE_FIELDS,
  PRACTICE_LEVEL_LABELS,
  practiceInput,
  validatePractice,
  type PracticeLevel,
} from '$lib/community/practices';
import { MAX_LIST_ROWS } from '$lib/list-query';
import { hasErrors } from '$lib/mentoring/form-checks';
import { isOneOf } from '$lib/mentoring/labels';
import { mutateApi, queryApi } from '../api-client';
import { collectPages } from '../collect-pages';
import { API_PAGE_SIZE } from '../config';
import { done, field, readValues, refusal, refuse } from '../mentoring/action-outcome';
import {
  CREATE_PRACTICE,
  DELETE_PRACTICE,
  MUNICIPALITY_PRACTICES,
  PROPOSE_PRACTICE,
  SCHOOL_PRACTICES,
  SET_PRACTICE_LEVEL,
  UPDATE_PRACTICE,
} from './queries';

/**
 * Best practices as the pages read them: every case under a school or a municipality that the API
 * lets the viewer read (its level decides), newest first, optionally of one level.
 */
export async function loadSchoolPractices(api: Client, code: string, level: PracticeLevel | null) {
  const fetchPage = (after: string | null) =>
    queryApi(api, SCHOOL_PRACTICES, { code, level, first: API_PAGE_SIZE, after });
  const { organization } = await fetchPage(null);
  if (!organization) error(404, `Образовательная организация с кодом «${code}» не найдена.`);
  const { nodes, complete } = await collectPages(
    organization.practices,
    async (after) => (await fetchPage(after)).organization!.practices,
    MAX_LIST_ROWS,
  );
  const { practices: _practices, ...school } = organization;
  return { school, practices: nodes, complete };
}

export async function loadMunicipalityPractices(api: Client, code: string, level: PracticeLevel | null) {
  const fetchPage = (after: string | null, regionAfter: string | null) =>
    queryApi(api, MUNICIPALITY_PRACTICES, { code, level, first: API_PAGE_SIZE, after, regionAfter });
  const { municipality } = await fetchPage(null, null);
  if (!municipality) error(404, `Муниципалитет с кодом ОКТМО «${code}» не найден.`);
  const own = await collectPages(
    municipality.practices,
    async (after) => (await fetchPage(after, null)).municipality!.practices,
    MAX_LIST_ROWS,
  );
  const regional = await collectPages(
    municipality.region.practices,
    async (after) => (await fetchPage(null, after)).municipality!.region.practices,
    MAX_LIST_ROWS,
  );
  return {
    municipality: { code: municipality.code, name: municipality.name },
    region: { code: municipality.region.code, name: municipality.region.name },
    practices: own.nodes,
    // The region's cases from other municipalities; this municipality's own are listed above.
    regionPractices: regional.nodes.filter(
      (practice) => !own.nodes.some((other) => other.id === practice.id),
    ),
    complete: own.complete && regional.complete,
  };
}

const MOVED_TO: Record<PracticeLevel, string> = {
  SCHOOL: 'возвращена на уровень ОО',
  MUNICIPALITY: 'опубликована на уровне муниципалитета',
  REGION: 'опубликована на уровне субъекта РФ',
};

/** Publication moves: the coordinator's and the regional administrator's. */
export const practiceLevelActions = {
  setLevel: async (event: RequestEvent) => {
    const form = await event.request.formData();
    const id = field(form, 'practiceId');
    const level = field(form, 'level');
    if (!isOneOf(PRACTICE_LEVEL_LABELS, level))
      return refuse('setLevel', { subject: id, message: 'Неизвестный уровень публикации.' });
    const outcome = await mutateApi(event.locals.api, SET_PRACTICE_LEVEL, { id, level });
    if (!outcome.ok) return refusal('setLevel', outcome, [], { subject: id });
    done(event, `Практика ${MOVED_TO[level]}.`, { hash: '#practices' });
  },
};

/** The author school's own moves: write, change, propose for publication, delete. */
export const schoolPracticeActions = {
  ...practiceLevelActions,

  savePractice: async (event: RequestEvent) => {
    const form = await event.request.formData();
    const practiceId = field(form, 'practiceId');
    const subject = practiceId || null;
    const values = readValues(form, PRACTICE_FIELDS);
    const errors = validatePractice(values);
    if (hasErrors(errors))
      return refuse('savePractice', { subject, values, errors: errors as Record<string, string> });
    const input = practiceInput(values);
    const outcome = practiceId
      ? await mutateApi(event.locals.api, UPDATE_PRACTICE, { id: practiceId, input })
      : await mutateApi(event.locals.api, CREATE_PRACTICE, { input });
    if (!outcome.ok) return refusal('savePractice', outcome, PRACTICE_FIELDS, { subject, values });
    done(
      event,
      practiceId
        ? `Практика «${input.title}» сохранена.`
        : `Практика «${input.title}» добавлена. Её видит только куратор ОО, пока её не опубликуют.`,
      { hash: '#practices' },
    );
  },

  propose: async (event: RequestEvent) => {
    const form = await event.request.formData();
    const id = field(form, 'practiceId');
    const proposed = field(form, 'proposed') === '1';
    const outcome = await mutateApi(event.locals.api, PROPOSE_PRACTICE, { id, proposed });
    if (!outcome.ok) return refusal('propose', outcome, [], { subject: id });
    done(
      event,
      proposed
        ? `Практика «${outcome.data.proposePractice.title}» предложена муниципалитету: её увидит куратор муниципалитета.`
        : `Предложение опубликовать практику «${outcome.data.proposePractice.title}» отозвано.`,
      { hash: '#practices' },
    );
  },

  deletePractice: async (event: RequestEvent) => {
    const id = field(await event.request.formData(), 'practiceId');
    const outcome = await mutateApi(event.locals.api, DELETE_PRACTICE, { id });
    if (!outcome.ok) return refusal('deletePractice', outcome, [], { subject: id });
    done(event, 'Практика удалена.', { hash: '#practices' });
  },
};
