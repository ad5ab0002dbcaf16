import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { seedAccessFixture } from '../../../test/access-fixture.js';
import { startTestServer, type Caller, type TestServer } from '../../../test/test-server.js';
import { expectSummaryConsistent } from '../../../test/summary-consistency.js';
import type { ParticipantImportReport } from './participant-import.types.js';

let api: TestServer;
beforeAll(async () => {
  api = await startTestServer();
  await seedAccessFixture(api.orm);
});
afterAll(() => api.stop());
beforeEach(() =>
  sql(
    'truncate participant, participant_personal, consent, audit_record, organization_summary, municipality_summary, region_summary restart identity cascade',
  ),
);

const CURATOR = { user: 'curator.zeya1' };

const IMPORT = `mutation($input: ParticipantImportInput!) { importParticipants(input: $input) {
  dryRun applied rows created updated unchanged consentsRecorded problems { sheet row column message } } }`;

async function sql<Row = Record<string, unknown>>(query: string, params: unknown[] = []): Promise<Row[]> {
  return api.orm.em.getConnection().execute<Row[]>(query, params);
}

const HEADER = [
  '№',
  'Фамилия',
  'Имя',
  'Отчество',
  'Дата рождения',
  'Категория',
  'Наставник',
  'Наставляемый',
  'Класс / курс',
  'Стаж',
  'Контакт',
  'Согласие: дата',
  'Согласие: кто подписал',
  'Представитель',
];

const ROWS = [
  [
    '1',
    'Соколова',
    'Дарья',
    'Игоревна',
    '14.05.2012',
    'ученик',
    'нет',
    'да',
    '8А',
    '',
    '',
    '01.09.2025',
    'законный представитель',
    'Соколов Игорь Петрович',
  ],
  [
    '2',
    'Ковалёв',
    'Андрей',
    '',
    '01.02.1980',
    'учитель',
    'да',
    'нет',
    '',
    '20',
    '+7 914 000-00-02',
    '02.09.2025',
    'сам',
    '',
  ],
  ['3', 'Белова', 'Ольга', 'Сергеевна', '1999-07-30', 'Студент', 'да', 'да', '3 курс', '', '', '', '', ''],
];

function csv(rows: string[][], header = HEADER): string {
  return Buffer.from([header, ...rows].map((row) => row.join(';')).join('\n'), 'utf8').toString('base64');
}

async function runImport(contentBase64: string, dryRun = false, caller: Caller = CURATOR) {
  return api.graphql<{ importParticipants: ParticipantImportReport }>(
    IMPORT,
    { input: { fileName: 'участники.csv', contentBase64, dryRun } },
    caller,
  );
}

async function importOk(contentBase64: string, dryRun = false) {
  const { data, errors } = await runImport(contentBase64, dryRun);
  expect(errors).toBeUndefined();
  return data!.importParticipants;
}

/** Row counts and a checksum of the rows: equal snapshots mean nothing was written. */
async function snapshot() {
  const [row] = await sql(`
    select (select count(*) from participant)::int as participants,
           (select count(*) from consent)::int as consents,
           (select count(*) from audit_record)::int as audit_records,
           (select md5(coalesce(string_agg(p::text || pp::text, ',' order by p.id), ''))
              from participant p left join participant_personal pp on pp.participant_id = p.id) as checksum`);
  return row;
}

const totals = (created: number, updated: number, unchanged: number) => ({ created, updated, unchanged });

describe('importing participants', () => {
  it('imports a clean file with consents, one audit record per participant without personal values', async () => {
    const report = await importOk(csv(ROWS));
    expect(report).toMatchObject({
      applied: true,
      dryRun: false,
      rows: 3,
      consentsRecorded: 2,
      problems: [],
    });
    expect(report).toMatchObject(totals(3, 0, 0));
    const stored = await sql(`
      select pp.external_key, pp.last_name, pp.birth_date::text as birth_date, p.category, p.is_mentor, p.is_mentee,
             p.grade_or_course, p.teaching_experience_years, c.signed_by, c.representative_name
      from participant p join participant_personal pp on pp.participant_id = p.id
      left join consent c on c.participant_id = p.id order by pp.external_key`);
    expect(stored).toEqual([
      expect.objectContaining({
        external_key: '1',
        category: 'PUPIL',
        birth_date: '2012-05-14',
        signed_by: 'LEGAL_REPRESENTATIVE',
        representative_name: 'Соколов Игорь Петрович',
      }),
      expect.objectContaining({
        external_key: '2',
        category: 'TEACHER',
        is_mentor: true,
        teaching_experience_years: 20,
        signed_by: 'SELF',
      }),
      expect.objectContaining({
        external_key: '3',
        category: 'STUDENT',
        is_mentor: true,
        is_mentee: true,
        grade_or_course: '3 курс',
        signed_by: null,
      }),
    ]);
    const audit = await sql<{ entity: string; action: string; text: string }>(
      `select entity, action, before::text || after::text as text from audit_record`,
    );
    expect(audit).toHaveLength(3);
    expect(audit.every((record) => record.entity === 'participant' && record.action === 'CREATE')).toBe(true);
    expect(JSON.stringify(audit)).not.toMatch(/Соколова|Ковалёв|Белова|2012-05-14|\+7 914|Соколов Игорь/);
  });

  it('changes nothing when the same file is imported again, and counts a changed row as updated', async () => {
    await importOk(csv(ROWS));
    const before = await snapshot();
    expect(await importOk(csv(ROWS))).toMatchObject({
      applied: true,
      ...totals(0, 0, 3),
      consentsRecorded: 0,
    });
    expect(await snapshot()).toEqual(before);

    const changed = ROWS.map((row) => [...row]);
    changed[2]![10] = 'olga@example.ru';
    expect(await importOk(csv(changed))).toMatchObject(totals(0, 1, 2));
    const [contact] = await sql(`select contact from participant_personal where external_key = '3'`);
    expect(contact).toEqual({ contact: 'olga@example.ru' });
    const [updates] = await sql(`select count(*)::int as n from audit_record where action = 'UPDATE'`);
    expect(updates).toEqual({ n: 1 });
  });

  it('checks the file and counts the changes in a dry run without writing anything', async () => {
    const before = await snapshot();
    expect(await importOk(csv(ROWS), true)).toMatchObject({
      dryRun: true,
      applied: false,
      ...totals(3, 0, 0),
      consentsRecorded: 2,
      problems: [],
    });
    expect(await snapshot()).toEqual(before);
  });

  it('names a missing required column and writes nothing', async () => {
    const header = HEADER.filter((title) => title !== 'Дата рождения');
    const rows = ROWS.map((row) => row.filter((_, index) => index !== 4));
    const report = await importOk(csv(rows, header));
    expect(report).toMatchObject({ applied: false, ...totals(0, 0, 0) });
    expect(report.problems).toEqual([
      { sheet: null, row: 1, column: 'Дата рождения', message: 'Нет обязательного столбца «Дата рождения»' },
    ]);
    expect(await snapshot()).toMatchObject({ participants: 0 });
  });

  it('lists every bad row with its row and column, in Russian, and writes nothing', async () => {
    await importOk(csv(ROWS));
    const before = await snapshot();
    const rows = [
      ['10', 'Орлов', 'Пётр', '', '31.02.2011', 'ученик', 'нет', 'да', '9Б', '', '', '', '', ''],
      ['11', 'Зайцева', 'Анна', '', '03.03.2011', 'школьник', 'нет', 'да', '9Б', '', '', '', '', ''],
      [
        '12',
        'Миронов',
        'Илья',
        '',
        '04.04.2011',
        'обучающийся',
        'нет',
        'да',
        '9Б',
        '',
        '',
        '01.09.2025',
        'сам',
        '',
      ],
      ['13', 'Лебедев', 'Олег', '', '05.05.2011', 'ученик', 'нет', 'да', '9Б', '', '', '', '', ''],
      ['13', 'Лебедева', 'Ирина', '', '06.06.2011', 'ученик', 'нет', 'да', '9Б', '', '', '', '', ''],
    ];
    const report = await importOk(csv(rows));
    expect(report).toMatchObject({ applied: false, ...totals(0, 0, 0), consentsRecorded: 0 });
    expect(report.problems).toEqual([
      {
        sheet: null,
        row: 2,
        column: 'Дата рождения',
        message: 'Дата «31.02.2011» не распознана: укажите её как ДД.ММ.ГГГГ',
      },
      {
        sheet: null,
        row: 3,
        column: 'Категория',
        message:
          'Неизвестная категория «школьник»: обучающийся, педагог, студент, выпускник, представитель работодателя или другое',
      },
      {
        sheet: null,
        row: 4,
        column: 'Согласие: кто подписал',
        message: 'Участнику на 2025-09-01 было 14 лет: до 18 лет согласие подписывает законный представитель',
      },
      {
        sheet: null,
        row: 6,
        column: '№',
        message: 'Номер «13» уже встречается в строке 5: у каждого участника свой номер',
      },
    ]);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses the import to a role other than the school curator', async () => {
    const before = await snapshot();
    const { data, errors } = await runImport(csv(ROWS), false, { user: 'admin.28' });
    expect(data?.importParticipants ?? null).toBeNull();
    expect(errors?.[0]?.extensions?.code).toMatch(/FORBIDDEN|FAILED_PRECONDITION|UNAUTHORIZED/);
    expect(await snapshot()).toEqual(before);
  });

  it('imports 2,000 rows in as many statements as 3', { timeout: 120_000 }, async () => {
    const generated = (count: number, offset = 0) =>
      Array.from({ length: count }, (_, index) => {
        const n = offset + index + 1;
        return n % 2
          ? [
              `Г-${n}`,
              `Фамилия${n}`,
              'Имя',
              '',
              '10.03.2010',
              'ученик',
              'нет',
              'да',
              '10А',
              '',
              '',
              '01.09.2025',
              'законный представитель',
              `Родитель ${n}`,
            ]
          : [
              `Г-${n}`,
              `Фамилия${n}`,
              'Имя',
              '',
              '10.03.1985',
              'педагог',
              'да',
              'нет',
              '',
              '12',
              '',
              '01.09.2025',
              'сам',
              '',
            ];
      });
    const small = await api.countStatements(() => importOk(csv(generated(3))));
    const large = await api.countStatements(() => importOk(csv(generated(2000, 10))));
    expect(large).toBe(small);
    expect(await snapshot()).toMatchObject({ participants: 2003, consents: 2003, audit_records: 2003 });

    const started = Date.now();
    const report = await importOk(csv(generated(10_000, 100_000)));
    console.log(`importParticipants: 10 000 rows in ${Date.now() - started} ms`);
    expect(report).toMatchObject({ applied: true, ...totals(10_000, 0, 0) });
  });
});

it('keeps the indicator summary equal to a recomputation from the base rows', () =>
  expectSummaryConsistent(api));
