import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { seedAccessFixture } from '../../../test/access-fixture.js';
import { addParticipant } from '../../../test/mentoring-fixture.js';
import { startTestServer, type Caller, type TestServer } from '../../../test/test-server.js';
import { expectSummaryConsistent } from '../../../test/summary-consistency.js';
import { rebuildSummaries } from '../indicators/organization-summary.js';
import type { MentoringGroupImportReport } from './mentoring-group-import.types.js';
import type { ParticipantImportReport } from './participant-import.types.js';

let api: TestServer;
const CURATOR = { user: 'curator.zeya1' };

const IMPORT = `mutation($input: MentoringGroupImportInput!) { importMentoringGroups(input: $input) {
  dryRun applied rows created updated unchanged problems { sheet row column message } } }`;

async function sql<Row = Record<string, unknown>>(query: string, params: unknown[] = []): Promise<Row[]> {
  return api.orm.em.getConnection().execute<Row[]>(query, params);
}

const base64 = (lines: string[][]) =>
  Buffer.from(lines.map((line) => line.join(';')).join('\n'), 'utf8').toString('base64');

/** Participants of the school with the numbers the group files name, through the participant import. */
async function importPeople(rows: string[][], caller: Caller = CURATOR) {
  const header = [
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
  const { data, errors } = await api.graphql<{ importParticipants: ParticipantImportReport }>(
    `mutation($input: ParticipantImportInput!) { importParticipants(input: $input) { applied problems { message } } }`,
    { input: { fileName: 'участники.csv', contentBase64: base64([header, ...rows]) } },
    caller,
  );
  expect(errors).toBeUndefined();
  expect(data!.importParticipants).toMatchObject({ applied: true, problems: [] });
}

const adult = (
  key: string,
  lastName: string,
  born: string,
  role: 'mentor' | 'mentee',
  experience: string,
) => [
  key,
  lastName,
  'Тест',
  born,
  'педагог',
  role === 'mentor' ? 'да' : 'нет',
  role === 'mentee' ? 'да' : 'нет',
  '',
  experience,
  '01.09.2024',
  'сам',
  '',
];
const pupil = (
  key: string,
  lastName: string,
  born: string,
  grade: string,
  role: 'mentor' | 'mentee',
  consent = true,
) => [
  key,
  lastName,
  'Тест',
  born,
  'ученик',
  role === 'mentor' ? 'да' : 'нет',
  role === 'mentee' ? 'да' : 'нет',
  grade,
  '',
  consent ? '01.09.2024' : '',
  consent ? 'законный представитель' : '',
  consent ? 'Родитель' : '',
];

const HEADER = [
  '№ группы',
  'Форма наставничества',
  'Программа',
  'Наставник',
  'Наставляемые',
  '№ приказа',
  'Дата приказа',
  'Этап',
  'Статус',
  'Дата начала',
  'Дата окончания',
  'Причина прекращения',
];

/** Pairs and groups as a school's journal keeps them: one per row, or a group over several rows. */
const ROWS = [
  ['1', 'учитель – учитель', 'Учитель – учителю', 'У-1', 'У-2', '12-од', '01.09.2025', '', '', '', '', ''],
  ['2', 'ученик – ученик', '', 'Ш-1', 'Ш-2, Ш-3', '', '', '', 'формируется', '', '', ''],
  ['3', 'педагог – ученик', '', 'У-1', 'Ш-4', '15-од', '02.09.2025', '6', 'работает', '', '', ''],
  ['3', '', '', 'У-1', 'Ш-2', '', '', '', '', '', '', ''],
  [
    '4',
    'учитель – учитель',
    '',
    'У-1',
    'У-3',
    '10-од',
    '01.09.2024',
    'Завершение наставничества',
    'завершена',
    '',
    '30.05.2025',
    '',
  ],
];

const csv = (rows: string[][], header = HEADER) => base64([header, ...rows]);

async function runImport(contentBase64: string, dryRun = false, caller: Caller = CURATOR) {
  return api.graphql<{ importMentoringGroups: MentoringGroupImportReport }>(
    IMPORT,
    { input: { fileName: 'пары.csv', contentBase64, dryRun } },
    caller,
  );
}

async function importOk(contentBase64: string, dryRun = false) {
  const { data, errors } = await runImport(contentBase64, dryRun);
  expect(errors).toBeUndefined();
  return data!.importMentoringGroups;
}

/** Row counts and a checksum of the rows: equal snapshots mean nothing was written. */
async function snapshot() {
  const [row] = await sql(`
    select (select count(*) from mentoring_group)::int as groups,
           (select count(*) from mentoring_group_member)::int as members,
           (select count(*) from audit_record where entity = 'mentoring_group')::int as audit_records,
           (select md5(coalesce(string_agg(g::text, ',' order by g.id), '')) from mentoring_group g) as groups_checksum,
           (select md5(coalesce(string_agg(m::text, ',' order by m.group_id, m.participant_id), ''))
              from mentoring_group_member m) as members_checksum`);
  return row;
}

/** Each group as «number: status stage [order] mentors → mentees», by the participants' numbers. */
async function storedGroups() {
  return sql<{ line: string }>(`
    select g.external_key || ': ' || g.form || ' ' || g.status || ' ' || g.stage
           || coalesce(' №' || g.order_number || ' от ' || g.order_date, '')
           || coalesce(' с ' || g.started_on, '') || coalesce(' по ' || g.ended_on, '')
           || coalesce(' «' || p.title || '»', '') || ' '
           || (select string_agg(pp.external_key, ',' order by pp.external_key) from mentoring_group_member m
               join participant_personal pp on pp.participant_id = m.participant_id
               where m.group_id = g.id and m.role = 'MENTOR')
           || ' → '
           || (select string_agg(pp.external_key, ',' order by pp.external_key) from mentoring_group_member m
               join participant_personal pp on pp.participant_id = m.participant_id
               where m.group_id = g.id and m.role = 'MENTEE') as line
    from mentoring_group g left join mentoring_program p on p.id = g.program_id
    order by g.external_key`).then((rows) => rows.map((row) => row.line));
}

beforeAll(async () => {
  api = await startTestServer();
  await seedAccessFixture(api.orm);
  await importPeople([
    adult('У-1', 'Ковалёв', '01.02.1980', 'mentor', '20'),
    adult('У-2', 'Молодая', '01.03.2000', 'mentee', '1'),
    adult('У-3', 'Новиков', '01.04.2001', 'mentee', '0'),
    pupil('Ш-1', 'Старшеклассникова', '10.04.2009', '10А', 'mentor'),
    pupil('Ш-2', 'Младшая', '01.06.2013', '6Б', 'mentee'),
    pupil('Ш-3', 'Младший', '15.09.2013', '6В', 'mentee'),
    pupil('Ш-4', 'Семиклассница', '01.03.2012', '7А', 'mentee'),
    pupil('Ш-5', 'Пятиклассник', '01.02.2014', '5А', 'mentor'),
    pupil('Ш-6', 'Бессогласная', '01.01.2012', '7Б', 'mentee', false),
  ]);
  await addParticipant(api, CURATOR, {
    externalKey: 'Н-1',
    category: 'TEACHER',
    lastName: 'Загруженная',
    birthDate: '1980-01-01',
    isMentor: true,
    teachingExperienceYears: 20,
    maxLoad: 2,
  });
  const program = await api.graphql(
    `mutation($input: MentoringProgramInput!) { createMentoringProgram(input: $input) { id } }`,
    {
      input: {
        title: 'Учитель – учителю',
        forms: ['TEACHER_TEACHER'],
        periodFrom: '2024-09-01',
        periodTo: '2026-06-30',
      },
    },
    CURATOR,
  );
  expect(program.errors).toBeUndefined();
});
afterAll(() => api.stop());
// Truncating groups bypasses the write path: the summary is rebuilt from what remains.
beforeEach(() =>
  sql(`truncate mentoring_group, audit_record restart identity cascade`).then(() =>
    rebuildSummaries(api.orm.em.getConnection().getKnex()),
  ),
);

describe('importing pairs and groups', () => {
  it('imports pairs and groups as the journal keeps them, one audit record per group without names', async () => {
    const report = await importOk(csv(ROWS));
    expect(report).toEqual({
      dryRun: false,
      applied: true,
      rows: 5,
      created: 4,
      updated: 0,
      unchanged: 0,
      problems: [],
    });
    expect(await storedGroups()).toEqual([
      '1: TEACHER_TEACHER ACTIVE WORK №12-од от 2025-09-01 с 2025-09-01 «Учитель – учителю» У-1 → У-2',
      '2: PUPIL_PUPIL FORMING MATCHING Ш-1 → Ш-2,Ш-3',
      '3: TEACHER_PUPIL ACTIVE WORK №15-од от 2025-09-02 с 2025-09-02 У-1 → Ш-2,Ш-4',
      '4: TEACHER_TEACHER COMPLETED COMPLETION №10-од от 2024-09-01 с 2024-09-01 по 2025-05-30 У-1 → У-3',
    ]);
    const audit = await sql<{ action: string; text: string }>(
      `select action, after::text as text from audit_record where entity = 'mentoring_group'`,
    );
    expect(audit).toHaveLength(4);
    expect(audit.every((record) => record.action === 'CREATE')).toBe(true);
    expect(JSON.stringify(audit)).not.toMatch(/Ковалёв|Молодая|Младшая|Старшеклассникова/);
  });

  it('changes nothing when the same file is imported again, and counts changed groups as updated', async () => {
    await importOk(csv(ROWS));
    const before = await snapshot();
    expect(await importOk(csv(ROWS))).toMatchObject({ applied: true, created: 0, updated: 0, unchanged: 4 });
    expect(await snapshot()).toEqual(before);

    // Group 2 gains a mentee and moves on; group 3 loses the mentee of its second row.
    const changed = ROWS.filter((_, index) => index !== 3).map((row) => [...row]);
    changed[1] = ['2', 'ученик – ученик', '', 'Ш-1', '"Ш-2; Ш-3;\nШ-4"', '', '', 'работа', '', '', '', ''];
    expect(await importOk(csv(changed))).toMatchObject({
      applied: true,
      created: 0,
      updated: 2,
      unchanged: 2,
    });
    expect(await storedGroups()).toEqual([
      expect.stringMatching(/^1: /),
      '2: PUPIL_PUPIL FORMING WORK Ш-1 → Ш-2,Ш-3,Ш-4',
      '3: TEACHER_PUPIL ACTIVE WORK №15-од от 2025-09-02 с 2025-09-02 У-1 → Ш-4',
      expect.stringMatching(/^4: /),
    ]);
    const updates = await sql<{ before: { menteeIds: number[] }; after: { menteeIds: number[] } }>(
      `select before, after from audit_record where action = 'UPDATE' order by entity_code`,
    );
    expect(updates.map((u) => [u.before.menteeIds.length, u.after.menteeIds.length])).toEqual([
      [2, 3],
      [2, 1],
    ]);
  });

  it('checks the file and counts the changes in a dry run without writing anything', async () => {
    const before = await snapshot();
    expect(await importOk(csv(ROWS), true)).toEqual({
      dryRun: true,
      applied: false,
      rows: 5,
      created: 4,
      updated: 0,
      unchanged: 0,
      problems: [],
    });
    expect(await snapshot()).toEqual(before);
  });

  it('names a missing required column and writes nothing', async () => {
    const header = HEADER.filter((title) => title !== 'Наставник');
    const rows = ROWS.map((row) => row.filter((_, index) => index !== 3));
    const report = await importOk(csv(rows, header));
    expect(report).toMatchObject({ applied: false, created: 0 });
    expect(report.problems).toEqual([
      { sheet: null, row: 1, column: 'Наставник', message: 'Нет обязательного столбца «Наставник»' },
    ]);
    expect(await snapshot()).toMatchObject({ groups: 0 });
  });

  it('lists every group that breaks a rule of the mutations with its row and column, and writes nothing', async () => {
    await importOk(csv(ROWS));
    const before = await snapshot();
    const row = (cells: Partial<Record<(typeof HEADER)[number], string>>) =>
      HEADER.map((title) => cells[title as keyof typeof cells] ?? '');
    const rows = [
      // 2: an existing group may not go back a stage
      row({
        '№ группы': '1',
        'Форма наставничества': 'учитель – учитель',
        Наставник: 'У-1',
        Наставляемые: 'У-2',
        Этап: '5',
      }),
      // 3: «ученик – ученик» needs an older mentor or one in a higher grade
      row({
        '№ группы': '10',
        'Форма наставничества': 'ученик – ученик',
        Наставник: 'Ш-5',
        Наставляемые: 'Ш-2',
      }),
      // 4: a number the school's base does not have
      row({
        '№ группы': '11',
        'Форма наставничества': 'учитель – ученик',
        Наставник: 'У-1',
        Наставляемые: 'Ш-99',
      }),
      // 5: a mentee without consent
      row({
        '№ группы': '12',
        'Форма наставничества': 'учитель – ученик',
        Наставник: 'У-1',
        Наставляемые: 'Ш-6',
      }),
      // 6: working without an order
      row({
        '№ группы': '13',
        'Форма наставничества': 'учитель – ученик',
        Наставник: 'У-1',
        Наставляемые: 'Ш-3',
        Статус: 'работает',
      }),
      // 7–8: two rows of one group disagree on its form
      row({
        '№ группы': '14',
        'Форма наставничества': 'учитель – ученик',
        Наставник: 'У-1',
        Наставляемые: 'Ш-3',
      }),
      row({ '№ группы': '14', 'Форма наставничества': 'учитель – учитель', Наставляемые: 'У-3' }),
      // 9: an unknown status
      row({
        '№ группы': '15',
        'Форма наставничества': 'учитель – ученик',
        Наставник: 'У-1',
        Наставляемые: 'Ш-3',
        Статус: 'на паузе',
      }),
      // 10: three mentees for a mentor who takes two
      row({
        '№ группы': '16',
        'Форма наставничества': 'учитель – ученик',
        Наставник: 'Н-1',
        Наставляемые: 'Ш-2, Ш-3, Ш-4',
      }),
      // 11: terminated without a reason
      row({
        '№ группы': '17',
        'Форма наставничества': 'учитель – ученик',
        Наставник: 'У-1',
        Наставляемые: 'Ш-3',
        Статус: 'прекращена досрочно',
        'Дата окончания': '01.10.2025',
      }),
      // 12: a completed group keeps its record
      row({
        '№ группы': '4',
        'Форма наставничества': 'учитель – учитель',
        Наставник: 'У-1',
        Наставляемые: 'У-2',
      }),
    ];
    const report = await importOk(csv(rows));
    expect(report).toMatchObject({ applied: false, rows: 11, created: 0, updated: 0, unchanged: 0 });
    expect(report.problems).toEqual([
      {
        sheet: null,
        row: 2,
        column: 'Этап',
        message:
          'Этап меняется только на следующий: сейчас «Организация работы наставнических пар или групп», можно перейти к ' +
          '«Завершение наставничества» или остаться; запрошен «Формирование наставнических пар или групп».',
      },
      {
        sheet: null,
        row: 3,
        column: 'Наставник',
        message: expect.stringMatching(
          /^В форме «ученик – ученик» наставник «Пятиклассник Тест» \(№ \d+\) должен быть старше наставляемого «Младшая Тест»/,
        ),
      },
      {
        sheet: null,
        row: 4,
        column: 'Наставляемые',
        message: 'Участник с номером «Ш-99» не найден в базе наставников и наставляемых ОО',
      },
      {
        sheet: null,
        row: 5,
        column: 'Наставляемые',
        message: expect.stringMatching(
          /^Участника «Бессогласная Тест» \(№ \d+\) нельзя включить в пару или группу: нет действующего согласия/,
        ),
      },
      {
        sheet: null,
        row: 6,
        column: '№ приказа',
        message: expect.stringMatching(
          /^Пара или группа начинает работу по приказу о закреплении: укажите номер и дату/,
        ),
      },
      {
        sheet: null,
        row: 8,
        column: 'Форма наставничества',
        message:
          'Строки одной пары или группы «14» расходятся: в строке 7 указано «учитель – ученик», здесь «учитель – учитель»',
      },
      {
        sheet: null,
        row: 9,
        column: 'Статус',
        message: 'Неизвестный статус «на паузе»: формируется, работает, завершена или прекращена досрочно',
      },
      {
        sheet: null,
        row: 10,
        column: 'Наставник',
        message: expect.stringMatching(
          /^У наставника «Загруженная Тест» \(№ \d+\) было бы 3 наставляемых .* при допустимой нагрузке 2$/,
        ),
      },
      {
        sheet: null,
        row: 11,
        column: 'Причина прекращения',
        message: 'Укажите причину досрочного прекращения',
      },
      {
        sheet: null,
        row: 12,
        column: 'Наставник',
        message: expect.stringMatching(/^Нельзя менять состав: группа сейчас «завершена»/),
      },
    ]);
    expect(await snapshot()).toEqual(before);
  });

  it('answers numbers of another school as unknown and refuses roles other than the school curator', async () => {
    const before = await snapshot();
    const pair = ['1', 'учитель – учитель', '', 'У-1', 'У-2', '', '', '', '', '', '', ''];
    const { data } = await runImport(csv([pair]), false, { user: 'curator.zeya4' });
    expect(data!.importMentoringGroups.problems.map((p) => p.message)).toEqual([
      'Участник с номером «У-1» не найден в базе наставников и наставляемых ОО',
      'Участник с номером «У-2» не найден в базе наставников и наставляемых ОО',
    ]);
    const refused = await runImport(csv(ROWS), false, { user: 'admin.28' });
    expect(refused.data?.importMentoringGroups ?? null).toBeNull();
    expect(refused.errors?.[0]?.extensions?.code).toMatch(/FORBIDDEN|FAILED_PRECONDITION/);
    expect(await snapshot()).toEqual(before);
  });

  it('imports 1,000 groups in as many statements as 3', { timeout: 120_000 }, async () => {
    const people = Array.from({ length: 1003 }, (_, index) => [
      adult(`М-${index}`, `Наставник${index}`, '01.02.1975', 'mentor', '25'),
      adult(`П-${index}`, `Наставляемый${index}`, '01.02.2000', 'mentee', '1'),
    ]).flat();
    await importPeople(people);
    const groups = (count: number, offset: number) =>
      Array.from({ length: count }, (_, index) => {
        const n = offset + index;
        return [
          `Г-${n}`,
          'учитель – учитель',
          '',
          `М-${n}`,
          `П-${n}`,
          n % 2 ? `${n}-од` : '',
          n % 2 ? '01.09.2025' : '',
          '',
          '',
          '',
          '',
          '',
        ];
      });
    const small = await api.countStatements(() => importOk(csv(groups(3, 0))));
    const large = await api.countStatements(() => importOk(csv(groups(1000, 3))));
    expect(large).toBe(small);
    expect(await snapshot()).toMatchObject({ groups: 1003, members: 2006, audit_records: 1003 });
  });
});

it('keeps the indicator summary equal to a recomputation from the base rows', () =>
  expectSummaryConsistent(api));
