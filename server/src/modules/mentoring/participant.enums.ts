import { registerEnumType } from 'type-graphql';
import { registerLabelledEnum } from '../../graphql/labelled-enum.js';

/** Who a participant is (база наставников / наставляемых). */
export enum ParticipantCategory {
  PUPIL = 'PUPIL',
  TEACHER = 'TEACHER',
  STUDENT = 'STUDENT',
  GRADUATE = 'GRADUATE',
  EMPLOYER_REPRESENTATIVE = 'EMPLOYER_REPRESENTATIVE',
  OTHER = 'OTHER',
}

export const PARTICIPANT_CATEGORY_LABELS: Record<ParticipantCategory, string> = {
  [ParticipantCategory.PUPIL]: 'Обучающийся',
  [ParticipantCategory.TEACHER]: 'Педагог',
  [ParticipantCategory.STUDENT]: 'Студент СПО или вуза',
  [ParticipantCategory.GRADUATE]: 'Выпускник',
  [ParticipantCategory.EMPLOYER_REPRESENTATIVE]: 'Представитель работодателя',
  [ParticipantCategory.OTHER]: 'Другое',
};

/** Who asked for mentoring on the mentee's behalf. */
export enum RequestSource {
  SELF = 'SELF',
  CLASS_TEACHER = 'CLASS_TEACHER',
  PSYCHOLOGIST = 'PSYCHOLOGIST',
  PARENTS = 'PARENTS',
}

export enum ConsentSigner {
  SELF = 'SELF',
  LEGAL_REPRESENTATIVE = 'LEGAL_REPRESENTATIVE',
}

export enum ConsentStatus {
  VALID = 'VALID',
  REVOKED = 'REVOKED',
  NONE = 'NONE',
}

export enum ParticipantRole {
  MENTOR = 'MENTOR',
  MENTEE = 'MENTEE',
}

registerLabelledEnum(
  ParticipantCategory,
  'ParticipantCategory',
  'Категория участника программы наставничества.',
  PARTICIPANT_CATEGORY_LABELS,
);

registerEnumType(RequestSource, {
  name: 'RequestSource',
  description: 'Откуда пришёл запрос наставляемого.',
  valuesConfig: {
    SELF: { description: 'Сам наставляемый.' },
    CLASS_TEACHER: { description: 'Классный руководитель.' },
    PSYCHOLOGIST: { description: 'Педагог-психолог.' },
    PARENTS: { description: 'Родители (законные представители).' },
  },
});

registerEnumType(ConsentSigner, {
  name: 'ConsentSigner',
  description: 'Кто подписал согласие на обработку персональных данных.',
  valuesConfig: {
    SELF: { description: 'Сам участник (с 18 лет).' },
    LEGAL_REPRESENTATIVE: { description: 'Законный представитель (обязательно до 18 лет).' },
  },
});

registerEnumType(ConsentStatus, {
  name: 'ConsentStatus',
  description: 'Состояние согласия на обработку персональных данных.',
  valuesConfig: {
    VALID: { description: 'Действует: подписано и не отозвано.' },
    REVOKED: { description: 'Отозвано; участник обезличен.' },
    NONE: { description: 'Согласие не получено.' },
  },
});

registerEnumType(ParticipantRole, {
  name: 'ParticipantRole',
  description: 'Роль участника в программе наставничества.',
  valuesConfig: {
    MENTOR: { description: 'Наставник.' },
    MENTEE: { description: 'Наставляемый.' },
  },
});
