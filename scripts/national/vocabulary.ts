/**
 * Words and name patterns the national data set is assembled from. Names follow the forms
 * found in real school directories («МБОУ СОШ № 12», «МБОУ Покровская ООШ», «ГБПОУ
 * «Озёрский политехнический колледж»»), so search and sorting behave as on real data.
 */

/**
 * Town names ending in -ск/-цк: the town itself names an urban okrug («городской округ город
 * Озёрск»), the same word plus «ий» names a district («Озёрский муниципальный район»).
 */
export const TOWN_STEMS = [
  'Алексеевск',
  'Белогорск',
  'Белореченск',
  'Берёзовск',
  'Богородск',
  'Борисоглебск',
  'Вознесенск',
  'Волжск',
  'Вольск',
  'Воскресенск',
  'Георгиевск',
  'Горнозаводск',
  'Гороховецк',
  'Даниловск',
  'Дмитровск',
  'Добрянск',
  'Дубровск',
  'Ермаковск',
  'Железногорск',
  'Жуковск',
  'Заволжск',
  'Заозёрск',
  'Зареченск',
  'Зеленогорск',
  'Знаменск',
  'Ильинск',
  'Казачинск',
  'Калининск',
  'Каменск',
  'Кедровск',
  'Кировск',
  'Ключевск',
  'Краснокаменск',
  'Красноармейск',
  'Краснозаводск',
  'Краснооктябрьск',
  'Краснослободск',
  'Кузнецк',
  'Лесогорск',
  'Лесозаводск',
  'Ленинск',
  'Майск',
  'Медногорск',
  'Михайловск',
  'Моршанск',
  'Нагорск',
  'Николаевск',
  'Никольск',
  'Озёрск',
  'Октябрьск',
  'Ольгинск',
  'Ольховск',
  'Ореховск',
  'Островск',
  'Павловск',
  'Первомайск',
  'Петровск',
  'Покровск',
  'Полесск',
  'Приволжск',
  'Приозёрск',
  'Родниковск',
  'Рождественск',
  'Рудногорск',
  'Саянск',
  'Светлогорск',
  'Северск',
  'Семёновск',
  'Серафимовск',
  'Сергиевск',
  'Славянск',
  'Сладковск',
  'Снежинск',
  'Советск',
  'Солнечногорск',
  'Сосновск',
  'Спасск',
  'Сретенск',
  'Тайгинск',
  'Тарногск',
  'Тихорецк',
  'Тогучинск',
  'Троицк',
  'Уваровск',
  'Урюпинск',
  'Успенск',
  'Фроловск',
  'Хвалынск',
  'Чаинск',
  'Черемховск',
  'Шадринск',
  'Юргинск',
  'Ягодинск',
  'Яковлевск',
];

/**
 * Regions with more municipalities than stems (Moscow) take the stems again with a prefix, so
 * names stay distinct inside a region.
 */
export const TOWN_PREFIXES = ['', 'Ново', 'Верхне', 'Нижне', 'Старо'];

/** Every town name, unprefixed ones first: index i < TOWN_STEMS.length is a plain stem. */
export const TOWN_NAMES = TOWN_PREFIXES.flatMap((prefix) =>
  TOWN_STEMS.map((stem) => (prefix ? prefix + stem.toLowerCase() : stem)),
);

/**
 * Village schools are named after their village in the feminine («Покровская СОШ»); the
 * village itself is the neuter form («с. Покровское»).
 */
export const VILLAGE_ADJECTIVES = [
  'Алексеевская',
  'Андреевская',
  'Архиповская',
  'Берёзовская',
  'Богородская',
  'Васильевская',
  'Введенская',
  'Вознесенская',
  'Воскресенская',
  'Гавриловская',
  'Георгиевская',
  'Дмитриевская',
  'Дубровская',
  'Екатериновская',
  'Ермолинская',
  'Ершовская',
  'Заречная',
  'Знаменская',
  'Ивановская',
  'Ильинская',
  'Калиновская',
  'Каменская',
  'Кирилловская',
  'Климовская',
  'Ключевская',
  'Красносельская',
  'Кузьминская',
  'Лесная',
  'Липовская',
  'Луговская',
  'Малиновская',
  'Марьинская',
  'Медведевская',
  'Михайловская',
  'Новиковская',
  'Новосёловская',
  'Никольская',
  'Озёрская',
  'Октябрьская',
  'Ольховская',
  'Осиновская',
  'Павловская',
  'Первомайская',
  'Петровская',
  'Покровская',
  'Полевая',
  'Преображенская',
  'Пригородная',
  'Раздольная',
  'Рождественская',
  'Рябиновская',
  'Савинская',
  'Садовая',
  'Сергиевская',
  'Сокольская',
  'Сосновская',
  'Спасская',
  'Степная',
  'Тимофеевская',
  'Троицкая',
  'Успенская',
  'Устьинская',
  'Фёдоровская',
  'Фроловская',
  'Широковская',
  'Юрьевская',
  'Ягодная',
  'Яснополянская',
];

export const STREETS = [
  'Ленина',
  'Советская',
  'Мира',
  'Школьная',
  'Молодёжная',
  'Центральная',
  'Садовая',
  'Гагарина',
  'Октябрьская',
  'Комсомольская',
  'Первомайская',
  'Пушкина',
  'Кирова',
  'Набережная',
  'Лесная',
  'Заводская',
  'Чапаева',
  'Северная',
  'Южная',
  'Победы',
  'Строителей',
  'Космонавтов',
  'Лермонтова',
  'Горького',
];

export type OrganizationKindCode = 'SCHOOL' | 'ADDITIONAL_EDUCATION' | 'VOCATIONAL' | 'KINDERGARTEN_SCHOOL';

/** Who founds an organisation decides the first words of its name: МБОУ vs ГБПОУ. */
export type Founder = 'municipal' | 'regional';

/**
 * A name pattern and how often it occurs, in percent, in a town and in a village (each column
 * sums to 100). Placeholders: {form} and {f} — the ownership form («бюджетное», «Б»);
 * {number} — a school number unique within the municipality; {village} — a village adjective;
 * {place} — the town's adjective («Озёрский»), {P} its first letter; {dup} — «» for the first
 * organisation with this name in a municipality, « № 2», « № 3» … for the next ones.
 */
export interface OrganizationTemplate {
  kind: OrganizationKindCode;
  founder: Founder;
  townShare: number;
  villageShare: number;
  name: string;
  shortName: string;
}

const MUNICIPAL_SCHOOL = 'Муниципальное {form} общеобразовательное учреждение';
const MUNICIPAL_ADDITIONAL = 'Муниципальное {form} учреждение дополнительного образования';
const REGIONAL_VOCATIONAL = 'Государственное {form} профессиональное образовательное учреждение';

function school(townShare: number, villageShare: number, name: string, shortName: string) {
  return {
    kind: 'SCHOOL',
    founder: 'municipal',
    townShare,
    villageShare,
    name: `${MUNICIPAL_SCHOOL} «${name}»`,
    shortName: `М{f}ОУ ${shortName}`,
  } satisfies OrganizationTemplate;
}

function additional(townShare: number, villageShare: number, name: string, abbreviation: string) {
  return {
    kind: 'ADDITIONAL_EDUCATION',
    founder: 'municipal',
    townShare,
    villageShare,
    name: `${MUNICIPAL_ADDITIONAL} «${name}{dup}»`,
    shortName: `М{f}У ДО ${abbreviation}{dup}`,
  } satisfies OrganizationTemplate;
}

function vocational(townShare: number, villageShare: number, profile: string, abbreviation: string) {
  return {
    kind: 'VOCATIONAL',
    founder: 'regional',
    townShare,
    villageShare,
    name: `${REGIONAL_VOCATIONAL} «{place} ${profile}{dup}»`,
    shortName: `Г{f}ПОУ {P}${abbreviation}{dup}`,
  } satisfies OrganizationTemplate;
}

/** With towns and villages mixed the shares give ~80 % schools, ~12 % ОДО, ~5 % СПО, ~3 % НШ-ДС. */
export const ORGANIZATION_TEMPLATES: OrganizationTemplate[] = [
  school(40, 0, 'Средняя общеобразовательная школа № {number}', 'СОШ № {number}'),
  school(8, 0, 'Школа № {number}', '«Школа № {number}»'),
  school(5, 0, 'Основная общеобразовательная школа № {number}', 'ООШ № {number}'),
  school(9, 0, 'Гимназия № {number}', '«Гимназия № {number}»'),
  school(8, 0, 'Лицей № {number}', '«Лицей № {number}»'),
  school(
    5,
    0,
    'Средняя общеобразовательная школа с углублённым изучением отдельных предметов № {number}',
    'СОШ с УИОП № {number}',
  ),
  school(3, 0, 'Центр образования № {number}', 'ЦО № {number}'),
  school(0, 52, '{village} средняя общеобразовательная школа{dup}', '{village} СОШ{dup}'),
  school(0, 26, '{village} основная общеобразовательная школа{dup}', '{village} ООШ{dup}'),
  school(0, 5, '{village} начальная общеобразовательная школа{dup}', '{village} НОШ{dup}'),
  additional(3, 4, 'Дом детского творчества', 'ДДТ'),
  additional(2, 0, 'Центр детского творчества', 'ЦДТ'),
  additional(3, 3, 'Спортивная школа', 'СШ'),
  additional(2, 2, 'Детская школа искусств', 'ДШИ'),
  additional(2, 1, 'Центр дополнительного образования', 'ЦДО'),
  additional(1, 0, 'Станция юных техников', 'СЮТ'),
  vocational(2, 0, 'политехнический колледж', 'ПТК'),
  vocational(1, 0, 'педагогический колледж', 'ПК'),
  vocational(1, 0, 'медицинский колледж', 'МК'),
  vocational(1, 0, 'строительный техникум', 'СТ'),
  vocational(1, 0, 'технологический колледж', 'ТК'),
  vocational(1, 0, 'торгово-экономический техникум', 'ТЭТ'),
  vocational(0, 2, 'агропромышленный техникум', 'АПТ'),
  {
    kind: 'KINDERGARTEN_SCHOOL',
    founder: 'municipal',
    townShare: 2,
    villageShare: 0,
    name: `${MUNICIPAL_SCHOOL} «Начальная школа – детский сад № {number}»`,
    shortName: 'М{f}ОУ НШ-ДС № {number}',
  },
  {
    kind: 'KINDERGARTEN_SCHOOL',
    founder: 'municipal',
    townShare: 0,
    villageShare: 5,
    name: `${MUNICIPAL_SCHOOL} «{village} начальная школа – детский сад{dup}»`,
    shortName: 'М{f}ОУ {village} НШ-ДС{dup}',
  },
];

/** Ownership forms (бюджетное / автономное / казённое) and their shares, in percent, per founder. */
export const OWNERSHIP_FORMS: { founder: Founder; word: string; letter: string; share: number }[] = [
  { founder: 'municipal', word: 'бюджетное', letter: 'Б', share: 72 },
  { founder: 'municipal', word: 'автономное', letter: 'А', share: 20 },
  { founder: 'municipal', word: 'казённое', letter: 'К', share: 8 },
  { founder: 'regional', word: 'бюджетное', letter: 'Б', share: 80 },
  { founder: 'regional', word: 'автономное', letter: 'А', share: 20 },
];
