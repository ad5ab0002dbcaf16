import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../test/test-server.js';
import {
  COLUMN,
  csvOf,
  DEMO_CSV,
  demoCsvWith,
  demoRows,
  generatedDirectory,
  windows1251,
  xlsxOf,
} from './directory-import.fixtures.js';
import type { DirectoryImportReport } from './directory-import.report.js';
import { importDirectory } from './directory-import.service.js';
import { systemCaller } from '../access/access-scope.js';

let api: TestServer;
beforeAll(async () => {
  api = await startTestServer();
});
afterAll(() => api.stop());
beforeEach(() => sql('truncate organization, municipality, region restart identity cascade'));

const IMPORT = /* GraphQL */ `
  mutation Import($input: DirectoryImportInput!) {
    importDirectory(input: $input) {
      dryRun
      applied
      problems {
        sheet
        row
        column
        message
      }
      regions {
        created
        updated
        unchanged
      }
      municipalities {
        created
        updated
        unchanged
      }
      organizations {
        created
        updated
        unchanged
      }
    }
  }
`;

/**
 * The national directory spans regions, so it is loaded the way the operator's command-line
 * tool loads it; the regional administrator's GraphQL path is tested at the end of this file.
 */
async function importFile(content: Buffer, { dryRun = false, fileName = 'справочник.csv' } = {}) {
  const report = await importDirectory(
    api.orm.em.fork(),
    { fileName, content },
    { dryRun, caller: systemCaller('test'), allowedRegionCode: null },
  );
  // Shaped as a GraphQL client receives it: absent sheet or column comes as null.
  return {
    ...report,
    problems: report.problems.map((problem) => ({
      ...problem,
      sheet: problem.sheet ?? null,
      column: problem.column ?? null,
    })),
  } as DirectoryImportReport;
}

async function importAs(user: string, content: Buffer | string, { dryRun = false } = {}) {
  const contentBase64 = typeof content === 'string' ? content : content.toString('base64');
  return api.graphql<{ importDirectory: DirectoryImportReport }>(
    IMPORT,
    { input: { fileName: 'справочник.csv', contentBase64, dryRun } },
    { user },
  );
}

async function sql<Row = Record<string, unknown>>(query: string): Promise<Row[]> {
  return api.orm.em.getConnection().execute<Row[]>(query);
}

/** Row counts and a checksum of every row (ids included): equal snapshots mean nothing was written. */
async function snapshot() {
  const [row] = await sql(`
    select (select count(*) from region)::int as regions,
           (select count(*) from municipality)::int as municipalities,
           (select count(*) from organization)::int as organizations,
           md5(concat((select string_agg(r::text, '|' order by r.id) from region r),
                      (select string_agg(m::text, '|' order by m.id) from municipality m),
                      (select string_agg(o::text, '|' order by o.id) from organization o))) as checksum`);
  return row;
}

/** The directory as users see it (codes, not ids), with each organisation's full path. */
function directoryContents() {
  return sql(`
    select o.code, o.name, o.short_name, o.kind, o.address, o.inn,
           m.code as oktmo, m.name as municipality, m.kind as municipality_kind, r.code as region, r.name as region_name
      from organization o join municipality m on m.id = o.municipality_id join region r on r.id = o.region_id
     order by o.code`);
}

const counts = (created: number, updated: number, unchanged: number) => ({ created, updated, unchanged });
const csvProblem = (row: number, column: string | null, message: unknown) => ({
  sheet: null,
  row,
  column,
  message,
});

describe('importDirectory: the demo directory', () => {
  it('imports 3 regions, 10 municipalities and 43 organizations, each in its municipality’s region', async () => {
    const report = await importFile(DEMO_CSV);

    expect(report).toMatchObject({ dryRun: false, applied: true, problems: [] });
    expect([report.regions, report.municipalities, report.organizations]).toEqual([
      counts(3, 0, 0),
      counts(10, 0, 0),
      counts(43, 0, 0),
    ]);
    expect(await snapshot()).toMatchObject({ regions: 3, municipalities: 10, organizations: 43 });
    const contents = await directoryContents();
    expect(contents.find((organization) => organization.code === '050001')).toEqual({
      code: '050001',
      name: 'Муниципальное казённое общеобразовательное учреждение «Начальная школа – детский сад с. Гадля»',
      short_name: 'МКОУ «НШ – ДС с. Гадля»',
      kind: 'KINDERGARTEN_SCHOOL',
      address: 'Республика Дагестан, Чародинский р-н',
      inn: '0557551314',
      oktmo: '82654000',
      municipality: 'Чародинский муниципальный район',
      municipality_kind: 'MUNICIPAL_DISTRICT',
      region: '05',
      region_name: 'Республика Дагестан',
    });
    const [wrongRegion] = await sql(`
      select count(*)::int as organizations from organization o
        join municipality m on m.id = o.municipality_id where o.region_id <> m.region_id`);
    expect(wrongRegion).toEqual({ organizations: 0 });
  });

  it('reports everything unchanged on a second run and leaves the database identical', async () => {
    await importFile(DEMO_CSV);
    const before = await snapshot();

    const report = await importFile(DEMO_CSV);

    expect(report).toMatchObject({ applied: true, problems: [] });
    expect([report.regions, report.municipalities, report.organizations]).toEqual([
      counts(0, 0, 3),
      counts(0, 0, 10),
      counts(0, 0, 43),
    ]);
    expect(await snapshot()).toEqual(before);
  });

  it('counts one changed organization name as one update and stores it', async () => {
    await importFile(DEMO_CSV);
    const renamed = demoCsvWith((rows) => {
      rows[1]![COLUMN.name] = 'МБОУ средняя школа № 3 имени А. С. Пушкина г. Лысково';
    });

    const report = await importFile(renamed);

    expect([report.regions, report.municipalities, report.organizations]).toEqual([
      counts(0, 0, 3),
      counts(0, 0, 10),
      counts(0, 1, 42),
    ]);
    const [school] = await sql(`select name from organization where code = '520001'`);
    expect(school).toEqual({ name: 'МБОУ средняя школа № 3 имени А. С. Пушкина г. Лысково' });
  });

  it('dry run reports what would change and writes nothing', async () => {
    const report = await importFile(DEMO_CSV, { dryRun: true });

    expect(report).toMatchObject({ dryRun: true, applied: false, problems: [] });
    expect([report.regions, report.municipalities, report.organizations]).toEqual([
      counts(3, 0, 0),
      counts(10, 0, 0),
      counts(43, 0, 0),
    ]);
    expect(await snapshot()).toMatchObject({ regions: 0, municipalities: 0, organizations: 0 });
  });

  it('sends as many SQL statements for 4,000 organizations as for the 43 of the demo', async () => {
    const demoStatements = await api.countStatements(() => importFile(DEMO_CSV));
    await sql('truncate organization, municipality, region restart identity cascade');
    const large = generatedDirectory(4, 25, 40);

    let report: DirectoryImportReport | undefined;
    const largeStatements = await api.countStatements(async () => {
      report = await importFile(large);
    });

    expect(report!.organizations).toEqual(counts(4000, 0, 0));
    expect(largeStatements).toBe(demoStatements);
  });
});

describe('importDirectory: layouts, encodings and spreadsheets', () => {
  it('imports the demo data from XLSX, below a title row, with codes stored as numbers', async () => {
    await importFile(DEMO_CSV);
    const fromCsv = await directoryContents();
    await sql('truncate organization, municipality, region restart identity cascade');
    const [header, ...data] = demoRows();
    // Excel keeps typed codes as numbers: «05» becomes 5, ИНН «0557…» loses its zero.
    const numeric = [COLUMN.regionCode, COLUMN.oktmo, COLUMN.code, COLUMN.inn] as number[];
    const workbook = await xlsxOf([
      { name: 'Пояснения', rows: [['Справочник для ЦМН'], ['Коды — по ОКТМО']] },
      {
        name: 'Организации',
        rows: [
          ['Справочник образовательных организаций на 01.09.2026'],
          [],
          header!,
          ...data.map((row) => row.map((cell, column) => (numeric.includes(column) ? Number(cell) : cell))),
        ],
        numFmt: { [COLUMN.code]: '000000' },
      },
    ]);

    const report = await importFile(workbook, { fileName: 'справочник.xlsx' });

    expect(report.problems).toEqual([]);
    expect(report.organizations).toEqual(counts(43, 0, 0));
    expect(await directoryContents()).toEqual(fromCsv);
  });

  it('reports XLSX problems with the sheet name and the row number the spreadsheet shows', async () => {
    const [header, ...data] = demoRows();
    data[4]![COLUMN.inn] = '5296030829';
    const workbook = await xlsxOf([{ name: 'ОО', rows: [['Справочник'], header!, ...data] }]);

    const report = await importFile(workbook, { fileName: 'справочник.xlsx' });

    expect(report.problems).toEqual([
      {
        sheet: 'ОО',
        row: 7,
        column: 'ИНН',
        message: 'ИНН «5296030829» не проходит проверку контрольной цифры — нет ли опечатки?',
      },
    ]);
  });

  it('reads a Windows-1251, tab-separated file as Russian Excel saves it', async () => {
    const text = demoRows()
      .map((row) => row.join('\t'))
      .join('\r\n');

    const report = await importFile(windows1251(text));

    expect(report.problems).toEqual([]);
    expect(report.organizations).toEqual(counts(43, 0, 0));
    const [school] = await sql(`select name, short_name from organization where code = '050001'`);
    expect(school).toEqual({
      name: 'Муниципальное казённое общеобразовательное учреждение «Начальная школа – детский сад с. Гадля»',
      short_name: 'МКОУ «НШ – ДС с. Гадля»',
    });
  });

  it('reads a comma-separated UTF-8 file with BOM and quoted cells that contain commas', async () => {
    const quoted = demoRows().map((row) => row.map((cell) => (cell.includes(',') ? `"${cell}"` : cell)));
    const report = await importFile(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), csvOf(quoted, ',')]));

    expect(report.problems).toEqual([]);
    const [school] = await sql(`select address from organization where code = '520001'`);
    expect(school).toEqual({ address: 'Нижегородская обл., г. Лысково' });
  });

  it('recognises column titles by synonym, case and punctuation, and kinds by short forms', async () => {
    const arbat = ['77', 'г. Москва', '45301000', 'муниципальный округ Арбат', 'внутригородская территория'];
    const file = csvOf([
      [
        'код региона',
        'РЕГИОН',
        'Код ОКТМО:',
        'Муниципалитет',
        'вид  МО',
        'Код организации',
        'Наименование организации',
        'Тип организации',
        'ИНН',
      ],
      [...arbat, 'M-1', 'ГБОУ «Школа № 1»', 'СОШ', '7704123450'],
      [...arbat, 'M-2', 'ГБПОУ «Колледж связи № 54»', 'колледж', ''],
      [...arbat, 'M-3', 'ГБОУ ДО «Дворец творчества»', 'ADDITIONAL_EDUCATION', ''],
      [...arbat, 'M-4', 'ГБОУ «НШ-ДС № 1»', 'НШ-ДС', ''],
    ]);

    const report = await importFile(file);

    expect(report.problems).toEqual([]);
    const kinds = await sql(`select code, kind from organization order by code`);
    expect(kinds).toEqual([
      { code: 'M-1', kind: 'SCHOOL' },
      { code: 'M-2', kind: 'VOCATIONAL' },
      { code: 'M-3', kind: 'ADDITIONAL_EDUCATION' },
      { code: 'M-4', kind: 'KINDERGARTEN_SCHOOL' },
    ]);
  });
});

describe('importDirectory: the flat layout', () => {
  it('adds a region from a row with region columns only and a municipality from one without organization', async () => {
    const file = csvOf([
      demoRows()[0]!,
      ['77', 'г. Москва', '', '', '', '', '', '', '', '', ''],
      [
        '77',
        'г. Москва',
        '45301000',
        'муниципальный округ Арбат',
        'внутригородская территория',
        '',
        '',
        '',
        '',
        '',
        '',
      ],
    ]);

    const report = await importFile(file);

    expect(report.problems).toEqual([]);
    expect([report.regions, report.municipalities, report.organizations]).toEqual([
      counts(1, 0, 0),
      counts(1, 0, 0),
      counts(0, 0, 0),
    ]);
  });

  it('accepts an organization that names a stored municipality by ОКТМО alone', async () => {
    await importFile(DEMO_CSV);
    const file = csvOf([
      demoRows()[0]!,
      ['', '', '82701000', '', '', '050099', 'МБОУ «СОШ № 99»', '', 'школа', '', ''],
    ]);

    const report = await importFile(file);

    expect(report.problems).toEqual([]);
    expect(report.organizations).toEqual(counts(1, 0, 0));
    const [school] = await directoryContents().then((rows) => rows.filter((row) => row.code === '050099'));
    expect(school).toMatchObject({ oktmo: '82701000', region: '05' });
  });

  it('does not count a repeated identical organization row as a problem', async () => {
    const report = await importFile(demoCsvWith((rows) => rows.push([...rows[1]!])));

    expect(report.problems).toEqual([]);
    expect(report.organizations).toEqual(counts(43, 0, 0));
  });
});

describe('importDirectory: a bad file is reported and changes nothing', () => {
  let before: Awaited<ReturnType<typeof snapshot>>;
  beforeEach(async () => {
    await importFile(DEMO_CSV);
    before = await snapshot();
  });

  async function importRejected(content: Buffer, fileName?: string) {
    const report = await importFile(content, { fileName });
    expect(report.applied).toBe(false);
    expect(await snapshot()).toEqual(before);
    return report.problems;
  }

  it('names each missing required column at the header row', async () => {
    const withoutKinds = demoRows().map((row) =>
      row.filter((_, column) => column !== COLUMN.municipalityKind && column !== COLUMN.kind),
    );

    expect(await importRejected(csvOf(withoutKinds))).toEqual([
      csvProblem(1, 'Вид МО', 'Нет обязательного столбца «Вид МО»'),
      csvProblem(1, 'Тип ОО', 'Нет обязательного столбца «Тип ОО»'),
    ]);
  });

  it('reports an organization whose ОКТМО is neither in the file nor in the directory', async () => {
    const file = demoCsvWith((rows) => {
      rows.push([
        '52',
        'Нижегородская область',
        '22999000',
        '',
        '',
        '529999',
        'МБОУ «Новая школа»',
        '',
        'школа',
        '',
        '',
      ]);
    });

    expect(await importRejected(file)).toEqual([
      csvProblem(45, 'ОКТМО', expect.stringMatching(/^Неизвестный муниципалитет с ОКТМО «22999000»/)),
    ]);
  });

  it('reports duplicate codes with conflicting data, naming the other row', async () => {
    const file = demoCsvWith((rows) => {
      rows[2]![COLUMN.code] = '520001';
      // Row 22 (Зея, region 28) claims Лысковский муниципальный округ of region 52 (row 2).
      rows[21]!.splice(COLUMN.oktmo, 3, '22639000', 'Лысковский муниципальный округ', 'муниципальный округ');
    });

    expect(await importRejected(file)).toEqual([
      csvProblem(
        3,
        'Код ОО',
        'Код ОО «520001» уже есть в строке 2 с другими данными ' +
          '(различаются «Полное наименование ОО», «Краткое наименование», «ИНН»)',
      ),
      csvProblem(
        22,
        'Код субъекта',
        'Муниципалитет с ОКТМО «22639000» в строке 2 отнесён к субъекту «52», а здесь — к «28»: ' +
          'муниципалитет не может входить в два субъекта РФ',
      ),
    ]);
  });

  it('reports malformed codes and unknown kinds cell by cell', async () => {
    const file = demoCsvWith((rows) => {
      rows[1]![COLUMN.inn] = '52526O1810';
      rows[2]![COLUMN.inn] = '5259083011';
      rows[3]![COLUMN.oktmo] = '2263900';
      rows[4]![COLUMN.kind] = 'детский лагерь';
      rows[5]![COLUMN.municipalityKind] = 'сельское поселение';
      rows[40]![COLUMN.regionCode] = '5';
    });

    expect(await importRejected(file)).toEqual([
      csvProblem(2, 'ИНН', 'ИНН организации должен состоять из 10 цифр, а указано «52526O1810»'),
      csvProblem(3, 'ИНН', 'ИНН «5259083011» не проходит проверку контрольной цифры — нет ли опечатки?'),
      csvProblem(4, 'ОКТМО', 'Код ОКТМО должен состоять из 8 или 11 цифр, а указано «2263900»'),
      csvProblem(
        5,
        'Тип ОО',
        expect.stringMatching(
          /^Неизвестный тип ОО «детский лагерь»\. Допустимые значения: общеобразовательная/,
        ),
      ),
      csvProblem(6, 'Вид МО', expect.stringMatching(/^Неизвестный вид МО «сельское поселение»\. Допустимые/)),
      csvProblem(
        41,
        'Код субъекта',
        'Код субъекта должен состоять из двух цифр (например, «05»), а указано «5»',
      ),
    ]);
  });

  it('refuses to move a stored municipality into another region', async () => {
    const file = demoCsvWith((rows) => {
      for (const row of rows.filter((cells) => cells[COLUMN.oktmo] === '22639000')) {
        row.splice(COLUMN.regionCode, 2, '28', 'Амурская область');
      }
    });

    expect(await importRejected(file)).toEqual([
      csvProblem(
        2,
        'Код субъекта',
        'Муниципалитет «Лысковский муниципальный округ» (ОКТМО 22639000) в справочнике относится к субъекту ' +
          '«52», а в файле — к «28». Импорт не переносит муниципалитеты между субъектами РФ ' +
          '(то же в строках 3, 4, 5, 6, 7)',
      ),
    ]);
  });

  it.each([
    ['an empty file', Buffer.alloc(0), 'Файл пуст'],
    ['a file with a byte order mark and blank lines only', Buffer.from('\uFEFF\r\n;;\r\n'), 'Файл пуст'],
  ])('reports %s as empty', async (_, content, message) => {
    expect(await importRejected(content)).toEqual([csvProblem(0, null, message)]);
  });

  it('reports a header without data rows', async () => {
    expect(await importRejected(csvOf([demoRows()[0]!]))).toEqual([
      csvProblem(1, null, 'Под строкой заголовков нет ни одной строки с данными'),
    ]);
  });

  it.each([
    ['a PNG image', pngBytes(), 'logo.png'],
    ['random bytes', pseudoRandomBytes(4096), 'data.bin'],
    ['a damaged XLSX', Buffer.from('PK\u0003\u0004 truncated archive'), 'справочник.xlsx'],
  ])('reports %s as not a spreadsheet', async (_, content, fileName) => {
    expect(await importRejected(content, fileName)).toEqual([
      csvProblem(0, null, 'Файл не является таблицей CSV или XLSX'),
    ]);
  });
});

describe('importDirectory mutation: a regional administrator loads their own region', () => {
  // The operator creates the region; its administrator fills it.
  beforeEach(() => sql(`insert into region (code, name) values ('28', 'Амурская область')`));

  const REGION_28 = (rows: string[][]) =>
    rows.filter((row, index) => index === 0 || row[COLUMN.regionCode] === '28');

  it('imports the rows of their region and writes an audit record for every created row', async () => {
    const { data, errors } = await importAs(
      'admin.28',
      demoCsvWith((rows) => rows.splice(0, rows.length, ...REGION_28(rows))),
    );
    expect(errors).toBeUndefined();
    expect(data!.importDirectory).toMatchObject({
      applied: true,
      problems: [],
      organizations: counts(16, 0, 0),
    });
    const audit = await api.graphql<{
      auditLog: {
        totalCount: number;
        nodes: { action: string; entityCode: string; actorUsername: string }[];
      };
    }>(
      `{ auditLog(entity: "organization", first: 500) { totalCount nodes { action entityCode actorUsername } } }`,
      {},
      { user: 'admin.28' },
    );
    expect(audit.data!.auditLog.totalCount).toBe(16);
    expect(audit.data!.auditLog.nodes[0]).toMatchObject({ action: 'CREATE', actorUsername: 'admin.28' });
  });

  it('records the values before and after an update', async () => {
    await importAs(
      'admin.28',
      demoCsvWith((rows) => rows.splice(0, rows.length, ...REGION_28(rows))),
    );
    const renamed = demoCsvWith((rows) => {
      rows.splice(0, rows.length, ...REGION_28(rows));
      rows[1]![COLUMN.name] = 'МОАУ СОШ № 1 имени героев Зеи';
    });
    await importAs('admin.28', renamed);
    const { data } = await api.graphql<{
      auditLog: { nodes: { action: string; before: { name: string }; after: { name: string } }[] };
    }>(
      `{ auditLog(entity: "organization", first: 1) { nodes { action before after } } }`,
      {},
      { user: 'admin.28' },
    );
    expect(data!.auditLog.nodes[0]).toMatchObject({
      action: 'UPDATE',
      after: { name: 'МОАУ СОШ № 1 имени героев Зеи' },
    });
    expect(data!.auditLog.nodes[0]!.before.name).not.toBe('МОАУ СОШ № 1 имени героев Зеи');
  });

  it('refuses rows of other regions, names them, and writes nothing at all', async () => {
    const { data } = await importAs('admin.28', DEMO_CSV);
    expect(data!.importDirectory.applied).toBe(false);
    const problems = data!.importDirectory.problems;
    expect(problems.map((p) => p.message)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^Субъект РФ «52» вне вашей области доступа: можно загружать данные только субъекта «28»/,
        ),
        expect.stringMatching(/^Субъект РФ «05» вне вашей области доступа/),
      ]),
    );
    expect(problems.every((p) => p.column === 'Код субъекта')).toBe(true);
    expect(await snapshot()).toMatchObject({ regions: 1, municipalities: 0, organizations: 0 });
    expect(await sql('select * from audit_record')).toEqual([]);
  });

  it('is refused to an analyst with FORBIDDEN', async () => {
    const { data, errors } = await importAs('analyst.28', DEMO_CSV);
    expect(data).toBeNull();
    expect(errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('reports content that is not base64 instead of failing', async () => {
    const { data } = await importAs('admin.28', 'это не base64!');
    expect(data!.importDirectory.problems).toEqual([
      csvProblem(0, null, 'Содержимое файла передано не в кодировке base64 — файл не прочитан'),
    ]);
  });
});

/** The signature and IHDR chunk of a 1×1 PNG, followed by compressed-looking bytes. */
function pngBytes(): Buffer {
  const header = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
  return Buffer.concat([header, pseudoRandomBytes(256)]);
}

/** Deterministic noise, so a failure reproduces. */
function pseudoRandomBytes(length: number): Buffer {
  let state = 2463534242;
  return Buffer.from(
    Array.from({ length }, () => {
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      return state & 0xff;
    }),
  );
}
