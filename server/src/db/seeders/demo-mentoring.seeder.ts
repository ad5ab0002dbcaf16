import type { EntityManager } from '@mikro-orm/postgresql';
import { Seeder } from '@mikro-orm/seeder';
import { AccessScope, systemCaller } from '../../modules/access/access-scope.js';
import { Role, ScopeLevel } from '../../modules/access/roles.js';
import { refreshOrganizationSummaries } from '../../modules/indicators/organization-summary.js';
import { recordFeedback } from '../../modules/mentoring/mentoring-feedback.service.js';
import { MentoringForm } from '../../modules/mentoring/mentoring-group.enums.js';
import {
  activateGroup,
  completeGroup,
  createMentoringGroup,
} from '../../modules/mentoring/mentoring-group.service.js';
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
 * Everything goes through the same services as a school curator's requests (import of the
 * participant list, programmes, groups under an order, feedback), so the rules hold; the
 * contingent, whose entry has no service yet, is written as a school reports it. Runs once: a
 * school that already has a contingent is left as it is.
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

function participantCsv(people: Person[]): Buffer {
  const lines = [
    '№;Фамилия;Имя;Дата рождения;Категория;Наставник;Наставляемый;Класс;Стаж;Согласие: дата;Согласие: кто подписал;Представитель',
  ];
  people.forEach((p, index) => {
    const minor = p.birthDate > '2006-09-10';
    const surname = SURNAMES[index % SURNAMES.length]!;
    const name = NAMES[(index * 7) % NAMES.length]!;
    lines.push(
      [
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
      ].join(';'),
    );
  });
  return Buffer.from(lines.join('\n'), 'utf8');
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

async function seedContingent(
  em: EntityManager,
  organization: OrganizationRow,
  pupils: number,
  school?: DemoSchool,
) {
  for (const year of YEARS) {
    const growth = 1 + (year - 2024) * 0.03;
    const total = Math.round(pupils * growth);
    const aged10to18 = school?.missing2025 && year === 2025 ? null : Math.round(total * 0.62);
    const teachers = Math.round(total / 14);
    await em.execute(
      `insert into contingent (region_id, municipality_id, organization_id, academic_year, pupils_total, pupils_10_18,
                               youth_15_19, teachers_total, young_teachers)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?)
       on conflict (organization_id, academic_year) do nothing`,
      [
        organization.region_id,
        organization.municipality_id,
        organization.id,
        year,
        total,
        aged10to18,
        Math.round(total * 0.21),
        teachers,
        Math.max(2, Math.round(teachers * 0.18)),
      ],
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
  const report = await importParticipants(em, scope.caller, path, participantCsv(people), {
    dryRun: false,
    today,
  });
  if (report.problems.length > 0) {
    throw new Error(
      `Демо-наставничество ОО ${school.code} не загружено: ${report.problems.map((p) => `строка ${p.row}: ${p.message}`).join('; ')}`,
    );
  }
  const stored = await em.execute<{ id: number; external_key: string }[]>(
    `select participant_id as id, external_key from participant_personal where organization_id = ?`,
    [organization.id],
  );
  const idOf = new Map(stored.map((row) => [row.external_key, String(row.id)]));
  const ids = (group: Person[]) => group.map((p) => idOf.get(p.key)!);

  const programId = String(
    await createMentoringProgram(em, scope, {
      title: 'Программа наставничества ОО на 2024–2027 годы',
      forms: [MentoringForm.PUPIL_PUPIL, MentoringForm.TEACHER_PUPIL, MentoringForm.TEACHER_TEACHER],
      goals: 'Повышение образовательных результатов и адаптация молодых педагогов.',
      periodFrom: '2024-09-01',
      periodTo: '2027-08-31',
      personalised: false,
    }),
  );
  const { mentees, pupilMentors, teacherMentors, youngTeachers } = list;
  const firstYear = Math.round(school.pupils / 60);
  const group = async (form: MentoringForm, mentors: Person[], groupMentees: Person[], order: string) => {
    const id = await createMentoringGroup(
      em,
      scope,
      {
        form,
        programId,
        mentorIds: ids(mentors),
        menteeIds: ids(groupMentees),
        orderNumber: order.split('@')[0],
      },
      today,
    );
    await activateGroup(em, scope, id, { orderDate: order.split('@')[1] }, today);
    return id;
  };

  // 2024/2025: pairs and groups that worked the year through and were completed in May.
  const completed = [
    await group(MentoringForm.PUPIL_PUPIL, [pupilMentors[0]!], [mentees[0]!], '12-од@2024-10-01'),
    await group(
      MentoringForm.TEACHER_PUPIL,
      [teacherMentors[0]!],
      mentees.slice(1, firstYear),
      '12-од@2024-10-01',
    ),
    await group(MentoringForm.TEACHER_TEACHER, [teacherMentors[1]!], [youngTeachers[0]!], '12-од@2024-10-01'),
  ];
  for (const id of completed) await completeGroup(em, scope, Number(id), '2025-05-25', today);
  // Members said how it went: mostly well, the young teacher less so.
  await recordFeedback(em, scope, completed[0]!, Number(idOf.get(mentees[0]!.key)), { score: 5 });
  await recordFeedback(em, scope, completed[1]!, Number(idOf.get(mentees[1]!.key)), { score: 4 });
  await recordFeedback(em, scope, completed[2]!, Number(idOf.get(youngTeachers[0]!.key)), { score: 3 });

  // Since 2025/2026: working pairs and groups, more mentees than the year before.
  await group(MentoringForm.PUPIL_PUPIL, [pupilMentors[1]!], [mentees[1]!], '9-од@2025-10-01');
  await group(MentoringForm.PUPIL_PUPIL, [pupilMentors[2]!], [mentees[2]!], '9-од@2025-10-01');
  await group(MentoringForm.TEACHER_PUPIL, [teacherMentors[0]!], mentees.slice(3), '9-од@2025-10-01');
  await group(MentoringForm.TEACHER_TEACHER, [teacherMentors[2]!], youngTeachers, '9-од@2025-10-01');
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
      await refreshOrganizationSummaries(
        tx,
        pending.map((organization) => organization.id),
      );
    });
  }
}
