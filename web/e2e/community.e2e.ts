import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { dashboardUrl, tableRows } from './support/browser';
import { signedInUsers } from './support/test-page';

/**
 * Partners and the municipal mentor registry in город Зея: the curator of МОАУ СОШ № 1 (280001)
 * adds a partner organisation and an agreement through the forms, publishes a mentor with only
 * the name and competencies; the municipal coordinator then reads the registry and sees exactly
 * those. The mentor comes into the school's base through the base's own form.
 */

const TODAY = new Date().toISOString().slice(0, 10);
const TODAY_RU = TODAY.split('-').reverse().join('.');
const NEXT_SUMMER = `${Number(TODAY.slice(0, 4)) + 1}-08-31`;

const PARTNER = 'ООО «Амурская энергосбытовая компания»';
const MENTOR = { lastName: 'Реестрова', firstName: 'Ольга', middleName: 'Ивановна' };
const MENTOR_NAME = 'Реестрова Ольга Ивановна';
const MENTOR_CONTACT = '+7 914 123-45-67';
const ENGINEER = { lastName: 'Энергетиков', firstName: 'Пётр', middleName: 'Сергеевич' };

const { pageAs } = signedInUsers(['curator.zeya1', 'coordinator.zeya']);

async function expectFlash(page: Page, message: string | RegExp): Promise<void> {
  await page.locator('.flash', { hasText: message }).waitFor({ timeout: 15_000 });
}

/** A mentor added to the school's base with a consent in force, through the base's own form. */
async function addMentorToTheBase(
  name: { lastName: string; firstName: string; middleName: string },
  details: {
    category: 'TEACHER' | 'EMPLOYER_REPRESENTATIVE';
    competencies: string;
    partnerOrganization?: string;
  },
): Promise<void> {
  const page = await pageAs('curator.zeya1', '/organizations/280001/participants?add=1');
  const form = page.locator('#participant-form');
  await form.getByLabel('Фамилия').fill(name.lastName);
  await form.getByLabel('Имя', { exact: true }).fill(name.firstName);
  await form.getByLabel('Отчество').fill(name.middleName);
  await form.getByLabel('Дата рождения').fill('1984-04-12');
  await form.getByLabel('Контакт').fill(MENTOR_CONTACT);
  await form.getByLabel('Категория').selectOption(details.category);
  await form.getByLabel('В базе наставников').check();
  await form.getByLabel('Компетенции').fill(details.competencies);
  if (details.partnerOrganization)
    await form.getByLabel('Организация-партнёр').fill(details.partnerOrganization);
  await form.getByLabel('Кто подписал').selectOption('SELF');
  await form.getByRole('button', { name: 'Добавить участника' }).click();
  await page.waitForURL(/\/participants\/\d+$/);
}

beforeAll(async () => {
  await addMentorToTheBase(MENTOR, { category: 'TEACHER', competencies: 'Физика; Робототехника' });
  await addMentorToTheBase(ENGINEER, {
    category: 'EMPLOYER_REPRESENTATIVE',
    competencies: 'Энергосбережение',
    partnerOrganization: 'Энергосбыт',
  });
});

describe('partners and the mentor registry', () => {
  it('lets the curator add a partner organisation and an agreement, checked as typed', async () => {
    const page = await pageAs('curator.zeya1', '/organizations/280001/partners');
    expect(await page.locator('h1').textContent()).toBe('Организации-партнёры и соглашения');

    await page.getByRole('link', { name: 'Добавить организацию-партнёра' }).click();
    await page.waitForURL(/[?&]add=1/);
    const form = page.locator('#partner-form');
    await form.getByLabel('Наименование').fill(PARTNER);
    await form.getByLabel('Вид организации').selectOption({ label: 'работодатель, предприятие' });
    await form.getByLabel('ИНН').fill('28010');
    await form.getByLabel('Контакт: должность или подразделение').fill('Иванов, 8 914 555-12-34');
    expect(await form.locator('.field-error').allTextContents()).toEqual([
      'ИНН — 10 цифр у организации или 12 у индивидуального предпринимателя, передано «28010»',
      'укажите должность или подразделение без персональных данных: телефон и электронная почта здесь не хранятся',
    ]);
    await form.getByLabel('ИНН').fill('2801 000 001');
    await form.getByLabel('Контакт: должность или подразделение').fill('Отдел кадров');
    expect(await form.locator('.field-error').count()).toBe(0);
    await form.getByRole('button', { name: 'Добавить партнёра' }).click();

    await expectFlash(page, `Организация-партнёр «${PARTNER}» добавлена.`);
    expect(await page.locator('h1').textContent()).toBe(PARTNER);
    expect(await page.locator('.facts').textContent()).toContain('2801000001');

    await page.getByRole('link', { name: 'Добавить соглашение' }).click();
    const agreement = page.locator('#agreement-form');
    await agreement.getByLabel('Номер соглашения').fill('7-с');
    await agreement.getByLabel('Действует по').fill('2020-01-01');
    expect(await agreement.locator('.field-error').allTextContents()).toEqual([
      `окончание срока действия раньше его начала (${TODAY_RU})`,
    ]);
    await agreement.getByLabel('Действует по').fill(NEXT_SUMMER);
    await agreement
      .getByLabel('Предмет соглашения')
      .fill('Наставничество «работодатель – ученик», экскурсии');
    await agreement.getByRole('button', { name: 'Добавить соглашение' }).click();

    await expectFlash(page, 'Соглашение № 7-с добавлено.');
    const rows = await tableRows(page, '#agreement-list');
    expect(rows).toHaveLength(1);
    expect(rows[0]!.slice(0, 4)).toEqual([
      `№ 7-с от ${TODAY_RU}`,
      `с ${TODAY_RU} по ${NEXT_SUMMER.split('-').reverse().join('.')}`,
      'Наставничество «работодатель – ученик», экскурсии',
      'действует',
    ]);

    // The school's employer representative mentor is linked to the new partner.
    const engineer = page.locator('#employer-mentor-list tbody tr', {
      hasText: 'Энергетиков Пётр Сергеевич',
    });
    await engineer.getByRole('button', { name: `Привязать к «${PARTNER}»` }).click();
    await expectFlash(page, `Наставник привязан к организации-партнёру «${PARTNER}».`);
    expect(await tableRows(page, '#employer-mentor-list')).toContainEqual([
      'Энергетиков Пётр Сергеевич',
      'Энергосбыт',
      PARTNER,
      'Отвязать',
    ]);
    expect(await page.locator('[data-figure="mentors"]').textContent()).toContain('1');

    await page.goto(dashboardUrl('/organizations/280001/partners'));
    const partners = await tableRows(page, '#partners');
    const listed = partners.find((row) => row[0] === PARTNER);
    expect(listed).toBeDefined();
    expect(listed!.slice(1, 5)).toEqual([
      'работодатель, предприятие',
      '2801000001',
      'Отдел кадров',
      expect.stringContaining('№ 7-с'),
    ]);
  });

  it('shows the municipal coordinator only the fields a mentor agreed to publish', async () => {
    const curator = await pageAs('curator.zeya1', '/municipalities/10712000/registry');
    const own = curator.locator('#own-mentor-list tbody tr', { hasText: MENTOR_NAME });
    await own.getByRole('link', { name: 'Записать согласие на публикацию' }).click();
    const form = curator.locator('#publication-form');
    await form.getByRole('button', { name: 'Записать согласие на публикацию' }).click();
    expect(await form.locator('.field-error').allTextContents()).toEqual([
      'отметьте хотя бы одно сведение, которое разрешено опубликовать',
    ]);
    await form.getByLabel('ФИО').check();
    await form.getByLabel('компетенции').check();
    await form.getByRole('button', { name: 'Записать согласие на публикацию' }).click();
    await expectFlash(curator, 'Согласие на публикацию записано');

    const coordinator = await pageAs('coordinator.zeya', '/municipalities/10712000/registry');
    expect(await coordinator.locator('h1').textContent()).toBe('Муниципальный реестр наставников');
    const rows = await tableRows(coordinator, '#registry');
    expect(rows).toContainEqual([
      MENTOR_NAME,
      'Физика, Робототехника',
      'не публикуется',
      'не публикуется',
      'не публикуется',
      'не публикуется',
      TODAY_RU,
    ]);
    expect(await coordinator.locator('main').textContent()).not.toContain(MENTOR_CONTACT);
    expect(await coordinator.locator('#own-mentor-list').count()).toBe(0);
  });
});
