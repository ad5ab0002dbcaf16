/**
 * Mentoring base benchmark on the national data set (the harness: graphql-bench.ts): what a school
 * curator opens every day — the base of participants, the pairs and groups with their members,
 * mentor suggestions for a mentee, the school's counts — and the counts an analyst reads for the
 * municipality and the region; then the school's bulk imports through the API: 10,000
 * participants with consents and 2,000 pairs and groups, each as a dry run, a real run and a
 * repeated run that changes nothing.
 *
 *   pnpm -C scripts generate:national --force   # once: ~5 million participants, ~2.4 million groups
 *   pnpm -C scripts bench:mentoring             # 5 s per measurement
 *   pnpm -C scripts bench:mentoring --seconds=15
 *
 * The school is the first general school of the largest municipality. What the imports add is
 * deleted at the end (and at the start of the imports, should an earlier run have been cut
 * short), so every run measures the school as the generator left it.
 */
import { formatTable } from '@nastavnik/server/cli/text-table.js';
import { refreshOrganizationSummaries } from '@nastavnik/server/modules/indicators/organization-summary.js';
import type { Orm } from '../national/national-database.js';
import type { SqlSession } from '../national/sql-session.js';
import type { BenchApi } from './bench-api.js';
import { largestUnits, runGraphqlBench, type Scenario } from './graphql-bench.js';
import { recordStatements } from './sql-statements.js';

/** The school curator the benchmark adds to its realm copy: the demo users hold demo codes only. */
const CURATOR = 'bench.mentoring.curator';
/** Numbers of what the imports add start with it, so that they can be told apart and removed. */
const KEY_PREFIX = 'Б-';
const IMPORTED_PARTICIPANTS = 10_000;
const IMPORTED_MENTORS = 2_000;
const IMPORTED_GROUPS = 2_000;
/** Groups from this one on take two rows of the file, one per mentee; earlier ones list both in a cell. */
const FIRST_TWO_ROW_GROUP = 1_501;

interface School {
  id: number;
  code: string;
  short_name: string;
  municipality_code: string;
  region_code: string;
}

const PARTICIPANT_COLUMNS = [
  '№',
  'Фамилия',
  'Имя',
  'Отчество',
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

/** 2,000 teachers who mentor and 8,000 pupils they mentor, with consents, as a school's list has them. */
function participantFile(): { content: string; rows: number } {
  const rows = Array.from({ length: IMPORTED_PARTICIPANTS }, (_, index) => {
    const n = index + 1;
    if (n <= IMPORTED_MENTORS) {
      const year = 1965 + (n % 30);
      return [
        `${KEY_PREFIX}У-${n}`,
        `Учителева${n}`,
        'Анна',
        'Петровна',
        `${String(1 + (n % 28)).padStart(2, '0')}.${String(1 + (n % 12)).padStart(2, '0')}.${year}`,
        'педагог',
        'да',
        'нет',
        '',
        String(1 + (n % 10)),
        '02.09.2025',
        'сам',
        '',
      ];
    }
    const grade = 5 + (n % 5);
    return [
      `${KEY_PREFIX}Ш-${n - IMPORTED_MENTORS}`,
      `Ученикова${n}`,
      'Мария',
      'Ивановна',
      `${String(1 + (n % 28)).padStart(2, '0')}.${String(1 + (n % 12)).padStart(2, '0')}.${2020 - grade}`,
      'обучающийся',
      'нет',
      'да',
      `${grade}${'АБВ'[n % 3]}`,
      '',
      '02.09.2025',
      'законный представитель',
      'Ученикова Ольга Сергеевна',
    ];
  });
  return {
    content: [PARTICIPANT_COLUMNS, ...rows].map((row) => row.join(';')).join('\n'),
    rows: rows.length,
  };
}

/** 2,000 «учитель – ученик» groups of a mentor and two pupils; half work under an order, half are forming. */
function groupFile(): { content: string; rows: number } {
  const header = [
    '№ группы',
    'Форма наставничества',
    'Наставник',
    'Наставляемые',
    '№ приказа',
    'Дата приказа',
  ];
  const rows: string[][] = [];
  for (let n = 1; n <= IMPORTED_GROUPS; n++) {
    const group = [`${KEY_PREFIX}${n}`, 'учитель – ученик', `${KEY_PREFIX}У-${n}`];
    const order = n % 2 ? ['117-од', '05.09.2025'] : ['', ''];
    const mentees = [`${KEY_PREFIX}Ш-${2 * n - 1}`, `${KEY_PREFIX}Ш-${2 * n}`];
    if (n < FIRST_TWO_ROW_GROUP) rows.push([...group, mentees.join(', '), ...order]);
    else rows.push([...group, mentees[0]!, ...order], [`${KEY_PREFIX}${n}`, '', '', mentees[1]!, '', '']);
  }
  return { content: [header, ...rows].map((row) => row.join(';')).join('\n'), rows: rows.length };
}

interface ImportReport {
  applied: boolean;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  problems: { row: number; column: string | null; message: string }[];
}

async function postImport(api: BenchApi, token: string, mutation: string, content: string, dryRun: boolean) {
  const response = await fetch(api.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      query: `mutation ($input: ${mutation === 'importParticipants' ? 'ParticipantImportInput' : 'MentoringGroupImportInput'}!) {
        ${mutation}(input: $input) { applied rows created updated unchanged problems { row column message } } }`,
      variables: {
        input: { fileName: 'замер.csv', contentBase64: Buffer.from(content).toString('base64'), dryRun },
      },
    }),
  });
  const result = (await response.json()) as {
    data?: Record<string, ImportReport>;
    errors?: { message: string }[];
  };
  const report = result.data?.[mutation];
  if (!report || result.errors?.length) throw new Error(`${mutation}: ${result.errors?.[0]?.message}`);
  if (report.problems.length > 0)
    throw new Error(
      `${mutation}: ${report.problems.length} ошибок, первая: ${JSON.stringify(report.problems[0])}`,
    );
  return report;
}

/** Removes what the imports added (groups first: their members refer to the participants). */
async function removeImported(orm: Orm, school: School) {
  const knex = orm.em.getConnection().getKnex();
  await knex.transaction(async (trx) => {
    await trx.raw(`delete from mentoring_group where organization_id = ? and external_key like ?`, [
      school.id,
      `${KEY_PREFIX}%`,
    ]);
    await trx.raw(
      `delete from participant where id in (
         select participant_id from participant_personal where organization_id = ? and external_key like ?)`,
      [school.id, `${KEY_PREFIX}%`],
    );
    await refreshOrganizationSummaries(trx, [school.id]);
  });
}

/** Each import as a dry run, a real run and a run of the same file again: time, rows/s, SQL statements. */
function importMeasurement(school: School) {
  return async (api: BenchApi, orm: Orm) => {
    const token = await api.tokenFor(CURATOR);
    await removeImported(orm, school);
    const rows: (string | number)[][] = [];
    const files = [
      { mutation: 'importParticipants', label: 'участники', file: participantFile() },
      { mutation: 'importMentoringGroups', label: 'пары и группы', file: groupFile() },
    ];
    for (const { mutation, label, file } of files) {
      for (const run of ['проверка (dryRun)', 'загрузка', 'повторная загрузка'] as const) {
        let report: ImportReport | undefined;
        const started = performance.now();
        const statements = await recordStatements(orm, async () => {
          report = await postImport(api, token, mutation, file.content, run === 'проверка (dryRun)');
        });
        const seconds = (performance.now() - started) / 1000;
        rows.push([
          `${label}: ${run}`,
          file.rows,
          seconds.toFixed(2),
          Math.round(file.rows / seconds),
          statements.length,
          `новых ${report!.created}, изменённых ${report!.updated}, без изменений ${report!.unchanged}`,
        ]);
      }
    }
    await removeImported(orm, school);
    return (
      `Загрузка файлов куратором ОО ${school.code} через API (importParticipants, importMentoringGroups):\n` +
      formatTable(['что', 'строк', 'с', 'строк/с', 'SQL', 'итог'], rows)
    );
  };
}

function scenarios(school: School, menteeId: number): Scenario[] {
  const counts = `participantCounts { total mentors mentees withValidConsent depersonalised
    byCategory { category total mentors mentees } }`;
  return [
    {
      label: `(a) база участников ОО ${school.code}, 100`,
      user: CURATOR,
      query: `query ($code: String!) { organization(code: $code) { participants(first: 100) {
        totalCount pageInfo { hasNextPage endCursor }
        nodes { id category isMentor isMentee birthYear gradeOrCourse teachingExperienceYears consentStatus
                competencies requestTopics personal { lastName firstName } } } } }`,
      variables: { code: school.code },
      summarize: (data) => {
        const page = (data as { organization: { participants: { totalCount: number; nodes: unknown[] } } })
          .organization.participants;
        return `всего ${page.totalCount}, на странице ${page.nodes.length}`;
      },
    },
    {
      label: `(b) пары и группы ОО ${school.code} с составом, 100`,
      user: CURATOR,
      query: `query ($code: String!) { organization(code: $code) { mentoringGroups(first: 100) {
        totalCount nodes { id externalKey form stage status orderNumber orderDate startedOn endedOn program { title }
          members { role participant { id category gradeOrCourse consentStatus } } } } } }`,
      variables: { code: school.code },
      summarize: (data) => {
        const page = (
          data as {
            organization: { mentoringGroups: { totalCount: number; nodes: { members: unknown[] }[] } };
          }
        ).organization.mentoringGroups;
        const members = page.nodes.reduce((sum, node) => sum + node.members.length, 0);
        return `всего ${page.totalCount}, на странице ${page.nodes.length} с ${members} участниками`;
      },
    },
    {
      label: `(c) подбор наставника для наставляемого № ${menteeId}`,
      user: CURATOR,
      query: `query ($mentee: ID!) { mentorSuggestions(menteeId: $mentee, first: 10) {
        form score freePlaces mentor { id category } reasons { factor points maxPoints text } } }`,
      variables: { mentee: String(menteeId) },
      summarize: (data) => {
        const suggestions = (data as { mentorSuggestions: { score: number }[] }).mentorSuggestions;
        return `${suggestions.length} предложений, оценки ${suggestions.map((s) => s.score).join(', ')}`;
      },
    },
    {
      label: `(d) счётчики ОО ${school.code}`,
      user: CURATOR,
      query: `query ($code: String!) { organization(code: $code) { ${counts} } }`,
      variables: { code: school.code },
      summarize: (data) =>
        `всего ${(data as { organization: { participantCounts: { total: number } } }).organization.participantCounts.total}`,
    },
    {
      label: `(e) счётчики МО ${school.municipality_code}`,
      query: `query ($code: String!) { municipality(code: $code) { ${counts} } }`,
      variables: { code: school.municipality_code },
      summarize: (data) =>
        `всего ${(data as { municipality: { participantCounts: { total: number } } }).municipality.participantCounts.total}`,
    },
    {
      label: `(f) счётчики субъекта ${school.region_code}`,
      query: `query ($code: String!) { region(code: $code) { ${counts} } }`,
      variables: { code: school.region_code },
      summarize: (data) =>
        `всего ${(data as { region: { participantCounts: { total: number } } }).region.participantCounts.total}`,
    },
  ];
}

await runGraphqlBench(async (sql: SqlSession) => {
  const { municipality } = await largestUnits(sql);
  const [school] = await sql.query<School>(
    `select o.id, o.code, o.short_name, m.code as municipality_code, r.code as region_code
     from organization o join municipality m on m.id = o.municipality_id join region r on r.id = o.region_id
     where o.municipality_id = ? and o.kind = 'SCHOOL' order by o.code limit 1`,
    [municipality.id],
  );
  const [totals] = await sql.query<{ participants: string; groups: string; members: string }>(
    `select (select count(*) from participant) as participants, (select count(*) from mentoring_group) as groups,
            (select count(*) from mentoring_group_member) as members`,
  );
  if (!school || Number(totals.participants) === 0) {
    throw new Error('В базе нет участников: выполните `pnpm -C scripts generate:national --force`.');
  }
  const [inSchool] = await sql.query<{ participants: string; groups: string }>(
    `select (select count(*) from participant where organization_id = ?) as participants,
            (select count(*) from mentoring_group where organization_id = ?) as groups`,
    [school.id, school.id],
  );
  // A pupil mentee with consent: suggestions weigh every mentor of the school for them.
  const [mentee] = await sql.query<{ id: number }>(
    `select p.id from participant p
     where p.organization_id = ? and p.is_mentee and p.category = 'PUPIL'
       and exists (select from consent c where c.participant_id = p.id and c.revoked_on is null)
     order by p.id limit 1`,
    [school.id],
  );
  const n = (value: string) => Number(value).toLocaleString('ru-RU');
  return {
    description: [
      `Наставничество: участников ${n(totals.participants)}, пар и групп ${n(totals.groups)}, ` +
        `в них участников ${n(totals.members)}`,
      `ОО ${school.code} «${school.short_name}» (МО ${school.municipality_code}, субъект ${school.region_code}): ` +
        `участников ${n(inSchool.participants)}, пар и групп ${n(inSchool.groups)}; куратор ${CURATOR}`,
    ],
    users: [
      {
        username: CURATOR,
        role: 'school-curator',
        regionCode: school.region_code,
        municipalityCode: school.municipality_code,
        organizationCode: school.code,
      },
    ],
    scenarios: scenarios(school, mentee!.id),
    checks: [importMeasurement(school)],
  };
});
