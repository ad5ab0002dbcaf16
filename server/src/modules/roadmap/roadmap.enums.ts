import { registerEnumType } from 'type-graphql';
import { registerLabelledEnum } from '../../graphql/labelled-enum.js';

/** Whose roadmap: a school's, a municipality's or a region's. */
export enum RoadmapLevel {
  REGION = 'REGION',
  MUNICIPALITY = 'MUNICIPALITY',
  ORGANIZATION = 'ORGANIZATION',
}

/** Agreement (согласование) with the level above. */
export enum RoadmapStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  AGREED = 'AGREED',
  RETURNED = 'RETURNED',
}

export enum RoadmapItemStatus {
  PLANNED = 'PLANNED',
  IN_PROGRESS = 'IN_PROGRESS',
  DONE = 'DONE',
  NOT_DONE = 'NOT_DONE',
  CANCELLED = 'CANCELLED',
}

/** How an item's deadline wording was understood (see due-wording.parser.ts). */
export enum DueKind {
  DATES = 'DATES',
  WHOLE_PERIOD = 'WHOLE_PERIOD',
  EXTERNAL_SCHEDULE = 'EXTERNAL_SCHEDULE',
  UNPARSED = 'UNPARSED',
}

export const ROADMAP_STATUS_LABELS: Record<RoadmapStatus, string> = {
  [RoadmapStatus.DRAFT]: 'черновик',
  [RoadmapStatus.SUBMITTED]: 'на согласовании',
  [RoadmapStatus.AGREED]: 'согласована',
  [RoadmapStatus.RETURNED]: 'возвращена на доработку',
};

export const ROADMAP_ITEM_STATUS_LABELS: Record<RoadmapItemStatus, string> = {
  [RoadmapItemStatus.PLANNED]: 'запланировано',
  [RoadmapItemStatus.IN_PROGRESS]: 'выполняется',
  [RoadmapItemStatus.DONE]: 'выполнено',
  [RoadmapItemStatus.NOT_DONE]: 'не выполнено',
  [RoadmapItemStatus.CANCELLED]: 'отменено',
};

registerEnumType(RoadmapLevel, {
  name: 'RoadmapLevel',
  description: 'Уровень дорожной карты.',
  valuesConfig: {
    REGION: { description: 'Субъект РФ.' },
    MUNICIPALITY: { description: 'Муниципалитет.' },
    ORGANIZATION: { description: 'Образовательная организация.' },
  },
});
registerLabelledEnum(
  RoadmapStatus,
  'RoadmapStatus',
  'Состояние согласования дорожной карты.',
  ROADMAP_STATUS_LABELS,
);
registerLabelledEnum(
  RoadmapItemStatus,
  'RoadmapItemStatus',
  'Отметка о выполнении мероприятия.',
  ROADMAP_ITEM_STATUS_LABELS,
);
registerEnumType(DueKind, {
  name: 'DueKind',
  description: 'Как понят срок мероприятия.',
  valuesConfig: {
    DATES: { description: 'Конкретные даты или периоды.' },
    WHOLE_PERIOD: { description: 'Весь период дорожной карты («в течение года»).' },
    EXTERNAL_SCHEDULE: {
      description: 'По внешнему графику или по необходимости: своего срока нет, просрочки не бывает.',
    },
    UNPARSED: { description: 'Срок не распознан: формулировка сохранена и помечена, дата не угадывается.' },
  },
});
