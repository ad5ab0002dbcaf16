/**
 * How the national data set's mentoring base is shaped: who an organisation of each kind has in
 * its bases of mentors and mentees, which forms its pairs and groups take, and the words their
 * profiles and requests are made of. Shares are percent.
 */

/**
 * The bases of an organisation, in this order, as consecutive runs of participant ids: a block
 * is one category in one role, so a pair's members are found by arithmetic on positions.
 */
export const PARTICIPANT_BLOCKS = [
  { block: 1, name: 'TEACHER_MENTOR', category: 'TEACHER', isMentor: true },
  { block: 2, name: 'TEACHER_MENTEE', category: 'TEACHER', isMentor: false },
  { block: 3, name: 'PUPIL_MENTOR', category: 'PUPIL', isMentor: true },
  { block: 4, name: 'PUPIL_MENTEE', category: 'PUPIL', isMentor: false },
  { block: 5, name: 'STUDENT_MENTOR', category: 'STUDENT', isMentor: true },
  { block: 6, name: 'STUDENT_MENTEE', category: 'STUDENT', isMentor: false },
  { block: 7, name: 'EMPLOYER_MENTOR', category: 'EMPLOYER_REPRESENTATIVE', isMentor: true },
] as const;

type BlockName = (typeof PARTICIPANT_BLOCKS)[number]['name'];

/** Forms and the blocks their mentor and mentees come from (the form rules of mentoring-group.rules.ts). */
export const FORM_BLOCKS = {
  TEACHER_TEACHER: { mentor: 'TEACHER_MENTOR', mentee: 'TEACHER_MENTEE' },
  TEACHER_PUPIL: { mentor: 'TEACHER_MENTOR', mentee: 'PUPIL_MENTEE' },
  PUPIL_PUPIL: { mentor: 'PUPIL_MENTOR', mentee: 'PUPIL_MENTEE' },
  STUDENT_PUPIL: { mentor: 'STUDENT_MENTOR', mentee: 'PUPIL_MENTEE' },
  EMPLOYER_PUPIL: { mentor: 'EMPLOYER_MENTOR', mentee: 'PUPIL_MENTEE' },
  EMPLOYER_STUDENT: { mentor: 'EMPLOYER_MENTOR', mentee: 'STUDENT_MENTEE' },
} as const satisfies Record<string, { mentor: BlockName; mentee: BlockName }>;

export type FormCode = keyof typeof FORM_BLOCKS;

export interface KindProfile {
  kind: 'SCHOOL' | 'KINDERGARTEN_SCHOOL' | 'ADDITIONAL_EDUCATION' | 'VOCATIONAL';
  /** Share of the organisation's participants in each block (sums to 100). */
  blocks: Partial<Record<BlockName, number>>;
  /** Share of its pairs and groups in each form (sums to 100). */
  forms: Partial<Record<FormCode, number>>;
  /**
   * Grades of pupil mentors and of pupil mentees: mentors study above every mentee, so each
   * «ученик – ученик» pair has its senior mentor whatever positions are drawn.
   */
  pupilGrades: { mentor: [number, number]; mentee: [number, number] };
}

export const KIND_PROFILES: KindProfile[] = [
  {
    kind: 'SCHOOL',
    blocks: {
      TEACHER_MENTOR: 10,
      TEACHER_MENTEE: 6,
      PUPIL_MENTOR: 13,
      PUPIL_MENTEE: 63,
      STUDENT_MENTOR: 4,
      EMPLOYER_MENTOR: 4,
    },
    forms: { TEACHER_TEACHER: 15, TEACHER_PUPIL: 30, PUPIL_PUPIL: 35, STUDENT_PUPIL: 10, EMPLOYER_PUPIL: 10 },
    pupilGrades: { mentor: [8, 11], mentee: [1, 7] },
  },
  {
    kind: 'KINDERGARTEN_SCHOOL',
    blocks: { TEACHER_MENTOR: 14, TEACHER_MENTEE: 8, PUPIL_MENTOR: 10, PUPIL_MENTEE: 64, STUDENT_MENTOR: 4 },
    forms: { TEACHER_TEACHER: 20, TEACHER_PUPIL: 40, PUPIL_PUPIL: 30, STUDENT_PUPIL: 10 },
    pupilGrades: { mentor: [4, 4], mentee: [1, 3] },
  },
  {
    kind: 'ADDITIONAL_EDUCATION',
    blocks: {
      TEACHER_MENTOR: 12,
      TEACHER_MENTEE: 6,
      PUPIL_MENTOR: 10,
      PUPIL_MENTEE: 64,
      STUDENT_MENTOR: 3,
      EMPLOYER_MENTOR: 5,
    },
    forms: { TEACHER_TEACHER: 15, TEACHER_PUPIL: 45, PUPIL_PUPIL: 25, STUDENT_PUPIL: 5, EMPLOYER_PUPIL: 10 },
    pupilGrades: { mentor: [9, 11], mentee: [1, 8] },
  },
  {
    kind: 'VOCATIONAL',
    blocks: { TEACHER_MENTOR: 10, TEACHER_MENTEE: 8, STUDENT_MENTEE: 70, EMPLOYER_MENTOR: 12 },
    forms: { TEACHER_TEACHER: 25, EMPLOYER_STUDENT: 75 },
    // No pupils: the grades are never used.
    pupilGrades: { mentor: [0, 0], mentee: [0, 0] },
  },
];

/** Courses of college students: mentors of pupils from the second course, mentees from the first. */
export const STUDENT_COURSES = { mentor: [2, 4], mentee: [1, 4] } as const;

/** Of each block, this share at its end has no consent in force (half revoked, half never given). */
export const WITHOUT_CONSENT_SHARE = 8;

/** Pairs and groups per participant: ~60 per organisation of 125. */
export const GROUPS_PER_PARTICIPANT = 0.48;
/** Of an organisation's pairs and groups, this share started in 2024/2025, the rest in 2025/2026. */
export const FIRST_YEAR_SHARE = 45;

/** Status shares on the data set's day, by the academic year the group started in. */
export const GROUP_STATUSES: { year: number; status: string; share: number }[] = [
  { year: 2024, status: 'COMPLETED', share: 72 },
  { year: 2024, status: 'TERMINATED', share: 8 },
  { year: 2024, status: 'ACTIVE', share: 20 },
  { year: 2025, status: 'ACTIVE', share: 68 },
  { year: 2025, status: 'FORMING', share: 26 },
  { year: 2025, status: 'TERMINATED', share: 6 },
];

export const COMPETENCIES: Record<'TEACHER' | 'PUPIL' | 'STUDENT' | 'EMPLOYER_REPRESENTATIVE', string[]> = {
  TEACHER: [
    'методика преподавания',
    'классное руководство',
    'цифровые образовательные ресурсы',
    'подготовка к ГИА',
    'работа с родителями',
    'проектная деятельность',
    'инклюзивное образование',
  ],
  PUPIL: [
    'математика',
    'физика',
    'робототехника',
    'проектная деятельность',
    'спорт',
    'волонтёрство',
    'чтение',
  ],
  STUDENT: ['профориентация', 'программирование', 'проектная деятельность', 'адаптация к учёбе'],
  EMPLOYER_REPRESENTATIVE: [
    'профориентация',
    'проектная деятельность',
    'инженерия',
    'предпринимательство',
    'производственная практика',
  ],
};

/** Requests of mentees, by category: the words overlap the mentors' competencies, so matching scores vary. */
export const REQUEST_TOPICS: Record<'TEACHER' | 'PUPIL' | 'STUDENT', string[]> = {
  TEACHER: [
    'методика преподавания',
    'классное руководство',
    'работа с родителями',
    'цифровые образовательные ресурсы',
    'подготовка к ГИА',
  ],
  PUPIL: ['математика', 'физика', 'проектная деятельность', 'адаптация', 'профориентация', 'чтение', 'спорт'],
  STUDENT: ['профориентация', 'производственная практика', 'программирование', 'адаптация к учёбе'],
};

export const REQUEST_SOURCES = ['SELF', 'CLASS_TEACHER', 'PSYCHOLOGIST', 'PARENTS'];

/** Employers that send mentors to schools and colleges (names of the kind found in agreements). */
export const PARTNER_ORGANIZATIONS = [
  'АО «Региональная энергетическая компания»',
  'ООО «Агрофирма „Рассвет“»',
  'ПАО «Ростелеком»',
  'ОАО «Российские железные дороги»',
  'ООО «Строительное управление № 5»',
  'ГБУЗ «Центральная районная больница»',
  'ООО «Хлебокомбинат»',
  'АО «Машиностроительный завод»',
  'ПАО Сбербанк',
  'ООО «ИТ-Решения»',
  'МУП «Водоканал»',
  'ООО «Торговый дом „Северный“»',
];

export const TERMINATION_REASONS = [
  'Наставляемый перешёл в другую образовательную организацию',
  'Наставник уволился',
  'Смена места работы наставника',
  'По заявлению наставляемого',
  'Длительная болезнь наставника',
  'Цели наставничества пересмотрены',
];

/** Letters of parallel classes: «7А», «7Б», «7В». */
export const CLASS_LETTERS = ['А', 'Б', 'В', 'Г'];
