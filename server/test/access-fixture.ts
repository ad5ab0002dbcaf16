import type { MikroORM } from '@mikro-orm/postgresql';

/**
 * A small directory matching the demo users of infra/keycloak/realm.json: two schools under
 * coordinator.zeya, one elsewhere in region 28 and one in region 52.
 */
export const FIXTURE_ORGANIZATIONS = [
  { code: '280001', municipality: '10712000', region: '28' },
  { code: '280002', municipality: '10712000', region: '28' },
  { code: '280010', municipality: '10701000', region: '28' },
  { code: '520001', municipality: '22639000', region: '52' },
] as const;

export const FIXTURE_NAMES: Record<string, string> = {
  '28': 'Амурская область',
  '52': 'Нижегородская область',
  '10712000': 'город Зея',
  '10701000': 'город Благовещенск',
  '22639000': 'Лысковский муниципальный округ',
};

export async function seedAccessFixture(orm: MikroORM): Promise<void> {
  await orm.em.getConnection().execute(`
    insert into region (code, name) values ('28', 'Амурская область'), ('52', 'Нижегородская область');
    insert into municipality (region_id, code, name, kind)
      select r.id, m.code, m.name, 'URBAN_OKRUG'
      from (values ('28', '10712000', 'город Зея'), ('28', '10701000', 'город Благовещенск'),
                   ('52', '22639000', 'Лысковский муниципальный округ')) m(region, code, name)
      join region r on r.code = m.region;
    insert into organization (region_id, municipality_id, code, name, kind)
      select m.region_id, m.id, o.code, o.name, 'SCHOOL'
      from (values ('280001', '10712000', 'МОАУ СОШ № 1'), ('280002', '10712000', 'МОАУ СОШ № 4'),
                   ('280010', '10701000', 'МАОУ «Школа № 2 г. Благовещенска»'),
                   ('520001', '22639000', 'МБОУ СШ №3 г. Лысково')) o(code, municipality, name)
      join municipality m on m.code = o.municipality;
    -- One audit record per school, as its import would have written.
    insert into audit_record (actor_subject, operation, action, entity, entity_code, after, region_id, municipality_id, organization_id)
      select 'fixture', 'directory.import', 'CREATE', 'organization', o.code, jsonb_build_object('name', o.name),
             o.region_id, o.municipality_id, o.id
      from organization o;
  `);
}
