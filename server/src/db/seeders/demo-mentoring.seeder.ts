import type { EntityManager } from '@mikro-orm/postgresql';
import { Seeder } from '@mikro-orm/seeder';
import { AccessScope, systemCaller } from '../../modules/access/access-scope.js';
import { Role, ScopeLevel } from '../../modules/access/roles.js';
import { setContingent } from '../../modules/indicators/contingent.service.js';
import { recordFeedback } from '../../modules/mentoring/mentoring-feedback.service.js';
import { importMentoringGroups } from '../../modules/mentoring/mentoring-group-import.js';
import { MentoringForm } from '../../modules/mentoring/mentoring-group.enums.js';
import { createMentoringProgram } from '../../modules/mentoring/mentoring-program.service.js';
import { importParticipants } from '../../modules/mentoring/participant-import.js';
import { todayIso } from '../../modules/roadmap/roadmap-progress.js';

/**
 * A modest mentoring data set so that the demo's indicator dashboards and statistical forms have
 * something to show: schools of Благовещенск, Свободный, Нижний Новгород and Арзамас with their
 * contingent for 2024/2025–2026/2027, bases of mentors and mentees with consents, and pairs and
 * groups — completed ones in 2024/2025, working ones since 2025/2026. It leaves alone the
 * municipalities of the demo users below the region (Зея, Лысково), whose pages other scenarios
 * fill themselves.
 *
 * Everything goes through the same services as a school curator's requests (contingent, the
 * participant list and the journal of pairs and groups imported from files, a programme,
 * feedback), so the rules hold and each write keeps the indicator summary exact. Runs once: a school that already has a
 * contingent is left as it is.
 */

interface DemoSchool {
  code: string;
  /** Pupils a school has, which sets its contingent and, in proportion, its mentoring. */
  pupils: number;
  /** Mentees in «учитель – ученик» groups of 2025/2026 beyond the first year's. */
  growth: number;
  /** The school did not report its pupils aged 10–18 for 2025/2026: the data stay incomplete. */
  missing2025?: boolean;
}

const SCHOOLS: DemoSchool[] = [
  { code: '280006', pupils: 820, growth: 6 },
  { code: '280007', pupils: 640, growth: 3 },
  { code: '280008', pupils: 510, growth: 4, missing2025: true },
  { code: '280011', pupils: 700, growth: 2 },
  { code: '280012', pupils: 460, growth: 5 },
  { code: '520007', pupils: 900, growth: 7 },
  { code: '520008', pupils: 730, growth: 1 },
  { code: '520013', pupils: 580, growth: 3 },
];

/** Schools that report their contingent but run no mentoring yet: a 0 % that is a real figure. */
const CONTINGENT_ONLY = ['280013', '520009'];

const YEARS = [2024, 2025, 2026];

const SURNAMES = ['Иванов', 'Смирнов', 'Кузнецов', 'Попов', 'Соколов', 'Лебедев', 'Козлов', 'Новиков'];
const NAMES = ['Алексей', 'Мария', 'Дмитрий', 'Анна', 'Иван', 'Елена', 'Сергей', 'Ольга', 'Павел', 'Дарья'];

interface Person {
  key: string;
  category: 'обучающийся' | 'педагог';
  mentor: boolean;
  mentee: boolean;
  birthDate: string;
  grade: string;
  experience: string;
}

function person(index: number, fields: Omit<Person, 'key'>): Person {
  return { key: `Д-${String(index).padStart(3, '0')}`, ...fields };
}

/** The school's list of participants as it keeps them (the columns of the participant import). */
function participantList(school: DemoSchool) {
  const menteeCount = Math.round(school.pupils / 60) + school.growth;
  const mentees = Array.from({ length: menteeCount }, (_, i) =>
    person(i + 1, {
      category: 'обучающийся',
      mentor: false,
      mentee: true,
      birthDate: `${2010 + (i % 5)}-${String((i % 12) + 1).padStart(2, '0')}-15`,
      grade: `${9 - (i % 5)}А`,
      experience: '',
    }),
  );
  const pupilMentors = [0, 1, 2].map((i) =>
    person(101 + i, {
      category: 'обучающийся',
      mentor: true,
      mentee: false,
      birthDate: `2008-0${i + 3}-10`,
      grade: '11А',
      experience: '',
    }),
  );
  const teacherMentors = [0, 1, 2].map((i) =>
    person(201 + i, {
      category: 'педагог',
      mentor: true,
      mentee: false,
      birthDate: `${1975 + 3 * i}-0${i + 4}-20`,
      grade: '',
      experience: String(20 - 3 * i),
    }),
  );
  const youngTeachers = [0, 1].map((i) =>
    person(301 + i, {
      category: 'педагог',
      mentor: false,
      mentee: true,
      birthDate: `${2000 + i}-0${i + 6}-05`,
      grade: '',
      experience: String(1 + i),
    }),
  );
  return { mentees, pupilMentors, teacherMentors, youngTeachers };
}

const PARTICIPANT_COLUMNS = [
  '№',
  'Фамилия',
  'Имя',
  'Дата рождения',
  'Категория',
  'Наставник',
  'Наставляемый',
  'Класс',
  'Стаж',
  'Согласие: дата',
  'Согласие: кто подписал',
  'Представитель',
];

const GROUP_COLUMNS = [
  '№ группы',
  'Форма наставничества',
  'Программа',
  'Наставник',
  'Наставляемый',
  'Номер приказа',
  'Дата приказа',
  'Этап',
  'Статус',
  'Дата начала',
  'Дата окончания',
];

/** A CSV file as schools export it from a spreadsheet: `;`-separated, one header row. */
function csvOf(header: string[], rows: string[][]): Buffer {
  return Buffer.from([header, ...rows].map((row) => row.join(';')).join('\n'), 'utf8');
}

/** The school's list of participants with consents, signed in September 2024. */
function participantRows(people: Person[]): string[][] {
  return people.map((p, index) => {
    const minor = p.birthDate > '2006-09-10';
    const surname = SURNAMES[index % SURNAMES.length]!;
    const name = NAMES[(index * 7) % NAMES.length]!;
    return [
      p.key,
      surname,
      name,
      p.birthDate,
      p.category,
      p.mentor ? 'да' : 'нет',
      p.mentee ? 'да' : 'нет',
      p.grade,
      p.experience,
      '2024-09-10',
      minor ? 'законный представитель' : 'сам',
      minor ? `${surname}а ${NAMES[(index + 3) % NAMES.length]!}` : '',
    ];
  });
}

function curatorOf(path: { regionId: number; municipalityId: number; organizationId: number }): AccessScope {
  return new AccessScope(systemCaller('demo-seed'), new Set([Role.SCHOOL_CURATOR]), {
    level: ScopeLevel.ORGANIZATION,
    ...path,
  });
}

interface OrganizationRow {
  id: number;
  code: string;
  region_id: number;
  municipality_id: number;
}

/** The school's figures for three academic years, entered as its curator would. */
async function seedContingent(
  em: EntityManager,
  organization: OrganizationRow,
  pupils: number,
  school?: DemoSchool,
) {
  const scope = curatorOf({
    regionId: organization.region_id,
    municipalityId: organization.municipality_id,
    organizationId: organization.id,
  });
  for (const year of YEARS) {
    const pupilsTotal = Math.round(pupils * (1 + (year - 2024) * 0.03));
    const teachersTotal = Math.round(pupilsTotal / 14);
    await setContingent(
      em,
      scope,
      organization.code,
      year,
      {
        pupilsTotal,
        pupils10to18: school?.missing2025 && year === 2025 ? null : Math.round(pupilsTotal * 0.62),
        youth15to19: Math.round(pupilsTotal * 0.21),
        teachersTotal,
        youngTeachers: Math.max(2, Math.round(teachersTotal * 0.18)),
      },
      todayIso(),
    );
  }
}

async function seedMentoring(em: EntityManager, organization: OrganizationRow, school: DemoSchool) {
  const path = {
    regionId: organization.region_id,
    municipalityId: organization.municipality_id,
    organizationId: organization.id,
  };
  const scope = curatorOf(path);
  const today = todayIso();
  const list = participantList(school);
  const people = [...list.mentees, ...list.pupilMentors, ...list.teacherMentors, ...list.youngTeachers];
  const report = await importParticipants(
    em,
    scope.caller,
    path,
    csvOf(PARTICIPANT_COLUMNS, participantRows(people)),
    {
      dryRun: false,
      today,
    },
  );
  if (report.problems.length > 0) {
    throw new Error(
      `Демо-наставничество ОО ${school.code} не загружено: ${report.problems.map((p) => `строка ${p.row}: ${p.message}`).join('; ')}`,
    );
  }
  const program = 'Программа наставничества ОО на 2024–2027 годы';
  await createMentoringProgram(em, scope, {
    title: program,
    forms: [MentoringForm.PUPIL_PUPIL, MentoringForm.TEACHER_PUPIL, MentoringForm.TEACHER_TEACHER],
    goals: 'Повышение образовательных результатов и адаптация молодых педагогов.',
    periodFrom: '2024-09-01',
    periodTo: '2027-08-31',
    personalised: false,
  });
  const { mentees, pupilMentors, teacherMentors, youngTeachers } = list;
  const firstYear = Math.round(school.pupils / 60);
  const keys = (group: Person[]) => group.map((p) => p.key).join(', ');
  // The school's journal of pairs and groups: 2024/2025 ones worked the year through and were
  // completed in May; since 2025/2026 others work, with more mentees than the year before.
  const completed = ['12-од', '01.10.2024', 'завершение', 'завершена', '01.10.2024', '25.05.2025'];
  const working = ['9-од', '01.10.2025', 'работа', 'работает', '01.10.2025', ''];
  const journal = [
    ['1', 'ученик – ученик', program, keys([pupilMentors[0]!]), keys([mentees[0]!]), ...completed],
    [
      '2',
      'учитель – ученик',
      program,
      keys([teacherMentors[0]!]),
      keys(mentees.slice(1, firstYear)),
      ...completed,
    ],
    ['3', 'учитель – учитель', program, keys([teacherMentors[1]!]), keys([youngTeachers[0]!]), ...completed],
    ['4', 'ученик – ученик', program, keys([pupilMentors[1]!]), keys([mentees[1]!]), ...working],
    ['5', 'ученик – ученик', program, keys([pupilMentors[2]!]), keys([mentees[2]!]), ...working],
    ['6', 'учитель – ученик', program, keys([teacherMentors[0]!]), keys(mentees.slice(3)), ...working],
    ['7', 'учитель – учитель', program, keys([teacherMentors[2]!]), keys(youngTeachers), ...working],
  ];
  const groups = await importMentoringGroups(em, scope.caller, path, csvOf(GROUP_COLUMNS, journal), {
    dryRun: false,
    today,
  });
  if (groups.problems.length > 0) {
    throw new Error(
      `Демо-пары и группы ОО ${school.code} не загружены: ${groups.problems.map((p) => `строка ${p.row}: ${p.message}`).join('; ')}`,
    );
  }

  // Members of the completed ones said how it went: mostly well, the young teacher less so.
  const [ids] = await em.execute<{ groups: Record<string, number>; people: Record<string, number> }[]>(
    `select (select jsonb_object_agg(external_key, id) from mentoring_group where organization_id = ?) as groups,
            (select jsonb_object_agg(external_key, participant_id) from participant_personal
             where organization_id = ?) as people`,
    [organization.id, organization.id],
  );
  const feedback: [group: string, member: Person, score: number][] = [
    ['1', mentees[0]!, 5],
    ['2', mentees[1]!, 4],
    ['3', youngTeachers[0]!, 3],
  ];
  for (const [group, member, score] of feedback) {
    await recordFeedback(em, scope, ids!.groups[group]!, ids!.people[member.key]!, { score });
  }
}

export class DemoMentoringSeeder extends Seeder {
  async run(em: EntityManager): Promise<void> {
    const codes = [...SCHOOLS.map((school) => school.code), ...CONTINGENT_ONLY];
    const organizations = await em.execute<(OrganizationRow & { seeded: boolean })[]>(
      `select o.id, o.code, o.region_id, o.municipality_id,
              exists (select 1 from contingent c where c.organization_id = o.id) as seeded
       from organization o where o.code in (select jsonb_array_elements_text(?::jsonb))`,
      [JSON.stringify(codes)],
    );
    const pending = organizations.filter((organization) => !organization.seeded);
    if (pending.length === 0) return;
    await em.transactional(async (tx) => {
      for (const organization of pending) {
        const school = SCHOOLS.find((candidate) => candidate.code === organization.code);
        await seedContingent(tx, organization, school?.pupils ?? 600, school);
        if (school) await seedMentoring(tx, organization, school);
      }
    });
  }
}
