import type { RequestEvent } from '@sveltejs/kit';
import { formatDate } from '$lib/format';
import { hasErrors, isChecked } from '$lib/mentoring/form-checks';
import { formLabel, isOneOf, MENTORING_FORM_LABELS } from '$lib/mentoring/labels';
import {
  CONSENT_FIELDS,
  consentInput,
  effectiveValues,
  PARTICIPANT_FIELDS,
  participantInput,
  validateConsent,
  validateParticipant,
  validateRevocation,
} from '$lib/mentoring/participant-forms';
import { todayIso } from '$lib/roadmap';
import { mutateApi } from '../api-client';
import { done, field, readValues, refusal, refuse } from './action-outcome';
import {
  CREATE_GROUP,
  CREATE_PARTICIPANT,
  RECORD_CONSENT,
  REVOKE_CONSENT,
  UPDATE_PARTICIPANT,
} from './queries';

/**
 * The form actions of the base: a new participant (with the consent in hand, if any), changes to
 * one, recording and revoking a consent, and a pair made from a suggested mentor — which the
 * curator confirms here; the API never pairs anyone by itself.
 */

const participantPath = (event: RequestEvent, id: string) =>
  `/organizations/${encodeURIComponent(event.params.code ?? '')}/participants/${encodeURIComponent(id)}`;

const groupPath = (event: RequestEvent, id: string) =>
  `/organizations/${encodeURIComponent(event.params.code ?? '')}/groups/${encodeURIComponent(id)}`;

/** The consent's API argument names are the form's, prefixed on the «add» form where both meet. */
const ADD_FIELDS = [...PARTICIPANT_FIELDS, ...CONSENT_FIELDS, 'withConsent'] as const;

export const participantListActions = {
  /** «Добавить участника»: the participant, then the consent signed for them, if the form has one. */
  create: async (event: RequestEvent) => {
    const today = todayIso();
    const values = effectiveValues(readValues(await event.request.formData(), ADD_FIELDS));
    const withConsent = isChecked(values.withConsent);
    const errors = {
      ...validateParticipant(values, today),
      ...(withConsent ? validateConsent(values, values.birthDate || null, today) : {}),
    };
    if (hasErrors(errors)) return refuse('create', { values, errors: errors as Record<string, string> });

    const created = await mutateApi(event.locals.api, CREATE_PARTICIPANT, {
      input: participantInput(values),
    });
    if (!created.ok) return refusal('create', created, PARTICIPANT_FIELDS, { values });
    const id = created.data.createParticipant.id;
    if (!withConsent) {
      done(
        event,
        'Участник добавлен в базу. Без согласия на обработку персональных данных его нельзя включить в пару или группу.',
        {
          path: participantPath(event, id),
        },
      );
    }
    const consent = await mutateApi(event.locals.api, RECORD_CONSENT, {
      participantId: id,
      input: consentInput(values),
    });
    done(
      event,
      consent.ok
        ? 'Участник добавлен в базу, согласие на обработку персональных данных записано.'
        : `Участник добавлен в базу, но согласие не записано: ${Object.values(consent.fieldErrors)
            .concat(consent.message ?? [])
            .join(' ')} Запишите его в карточке.`,
      { path: participantPath(event, id) },
    );
  },
};

export const participantCardActions = {
  update: async (event: RequestEvent) => {
    const id = event.params.id ?? '';
    const values = effectiveValues(readValues(await event.request.formData(), PARTICIPANT_FIELDS));
    const errors = validateParticipant(values, todayIso());
    if (hasErrors(errors)) return refuse('update', { values, errors: errors as Record<string, string> });
    const outcome = await mutateApi(event.locals.api, UPDATE_PARTICIPANT, {
      id,
      input: participantInput(values),
    });
    if (!outcome.ok) return refusal('update', outcome, PARTICIPANT_FIELDS, { values });
    done(event, 'Сведения об участнике сохранены.');
  },

  consent: async (event: RequestEvent) => {
    const form = await event.request.formData();
    const values = readValues(form, CONSENT_FIELDS);
    const birthDate = field(form, 'birthDate') || null;
    const errors = validateConsent(values, birthDate, todayIso());
    if (hasErrors(errors)) return refuse('consent', { values, errors: errors as Record<string, string> });
    const outcome = await mutateApi(event.locals.api, RECORD_CONSENT, {
      participantId: event.params.id ?? '',
      input: consentInput(values),
    });
    if (!outcome.ok) return refusal('consent', outcome, CONSENT_FIELDS, { values });
    done(event, 'Согласие на обработку персональных данных записано.', { hash: '#consents' });
  },

  /** Revocation depersonalises the person in the same transaction: the form asks for an explicit yes. */
  revoke: async (event: RequestEvent) => {
    const form = await event.request.formData();
    const consentId = field(form, 'consentId');
    const values = { revokedOn: field(form, 'revokedOn'), understood: field(form, 'understood') };
    const errors: Record<string, string> = {};
    const dateError = validateRevocation(values.revokedOn, field(form, 'signedOn'), todayIso());
    if (dateError) errors.revokedOn = dateError;
    if (!isChecked(values.understood))
      errors.understood = 'подтвердите, что персональные данные участника будут удалены';
    if (hasErrors(errors)) return refuse('revoke', { subject: consentId, values, errors });
    const outcome = await mutateApi(event.locals.api, REVOKE_CONSENT, {
      consentId,
      revokedOn: values.revokedOn,
    });
    if (!outcome.ok) return refusal('revoke', outcome, ['revokedOn'], { subject: consentId, values });
    done(
      event,
      `Согласие отозвано ${formatDate(values.revokedOn)}. Персональные данные участника удалены; в сводных числах он остаётся.`,
      { hash: '#consents' },
    );
  },

  /** «Закрепить»: a pair of this mentee and the suggested mentor, created only on the curator's confirmation. */
  confirmPair: async (event: RequestEvent) => {
    const form = await event.request.formData();
    const mentorId = field(form, 'mentorId');
    const values = {
      form: field(form, 'form'),
      programId: field(form, 'programId'),
      title: field(form, 'title'),
    };
    if (!isOneOf(MENTORING_FORM_LABELS, values.form))
      return refuse('confirmPair', {
        subject: mentorId,
        values,
        errors: { form: 'выберите форму наставничества' },
      });
    const outcome = await mutateApi(event.locals.api, CREATE_GROUP, {
      input: {
        form: values.form,
        programId: values.programId || null,
        title: values.title || null,
        mentorIds: [mentorId],
        menteeIds: [event.params.id ?? ''],
      },
    });
    if (!outcome.ok)
      return refusal('confirmPair', outcome, ['form', 'programId', 'title'], { subject: mentorId, values });
    done(
      event,
      `Наставническая пара сформирована (форма «${formLabel(values.form)}»). Чтобы пара начала работу, укажите приказ о закреплении.`,
      { path: groupPath(event, outcome.data.createMentoringGroup.id) },
    );
  },
};
