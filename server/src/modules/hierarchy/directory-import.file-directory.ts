import { MUNICIPALITY_KIND_LABELS, type MunicipalityKind } from './municipality.entity.js';
import type { OrganizationKind } from './organization.entity.js';
import { problemAt, rowRef, titleIn, type RowSource } from './directory-import.problems.js';
import type { ImportProblem } from '../../imports/import-problem.js';
import type { DirectoryField } from './directory-import.vocabulary.js';

export interface RegionRecord {
  code: string;
  name: string;
  /** Every row that states this region, first one first. */
  sources: RowSource[];
}

export interface MunicipalityRecord {
  code: string;
  name: string;
  kind: MunicipalityKind;
  regionCode: string;
  sources: RowSource[];
}

/** Optional fields are undefined when the file has no such column: the stored value stays. */
export interface OrganizationRecord {
  code: string;
  name: string;
  shortName?: string | null;
  kind: OrganizationKind;
  address?: string | null;
  inn?: string | null;
  municipalityCode: string;
  source: RowSource;
}

/** A row of an organisation that names its municipality by ОКТМО only. */
export interface MunicipalityReference {
  regionCode?: string;
  source: RowSource;
}

/** Organisation data compared between two rows with the same code, with the column that holds it. */
const ORGANIZATION_DATA: [keyof OrganizationRecord, DirectoryField][] = [
  ['name', 'organizationName'],
  ['shortName', 'organizationShortName'],
  ['kind', 'organizationKind'],
  ['address', 'address'],
  ['inn', 'inn'],
  ['municipalityCode', 'municipalityCode'],
];

/**
 * The directory as the file states it, collected row by row. The flat layout repeats a region
 * and a municipality on every row of their organisations: repeating the same data is normal,
 * stating different data under one code is a problem, reported at the later row.
 */
export class FileDirectory {
  readonly regions = new Map<string, RegionRecord>();
  readonly municipalities = new Map<string, MunicipalityRecord>();
  readonly organizations = new Map<string, OrganizationRecord>();
  /** Region codes given without a name; after `resolveReferences`, only those the file does not define. */
  readonly regionReferences = new Map<string, RowSource[]>();
  /** ОКТМО given without name and kind; after `resolveReferences`, only those the file does not define. */
  readonly municipalityReferences = new Map<string, MunicipalityReference[]>();

  constructor(private readonly problems: ImportProblem[]) {}

  addRegion(region: { code: string; name: string }, source: RowSource) {
    const known = this.regions.get(region.code);
    if (!known) {
      this.regions.set(region.code, { ...region, sources: [source] });
    } else if (known.name !== region.name) {
      this.problems.push(
        problemAt(
          source,
          'regionName',
          `Субъект РФ с кодом «${region.code}» в ${rowRef(known.sources[0]!, source)} назван «${known.name}», ` +
            `а здесь — «${region.name}»`,
        ),
      );
    } else {
      known.sources.push(source);
    }
  }

  referToRegion(code: string, source: RowSource) {
    pushTo(this.regionReferences, code, source);
  }

  addMunicipality(municipality: Omit<MunicipalityRecord, 'sources'>, source: RowSource) {
    const known = this.municipalities.get(municipality.code);
    if (!known) {
      this.municipalities.set(municipality.code, { ...municipality, sources: [source] });
      return;
    }
    const first = rowRef(known.sources[0]!, source);
    const about = `Муниципалитет с ОКТМО «${municipality.code}»`;
    const conflicts: [DirectoryField, string][] = [];
    if (known.regionCode !== municipality.regionCode) {
      conflicts.push([
        'regionCode',
        twoRegions(municipality.code, first, known.regionCode, municipality.regionCode),
      ]);
    }
    if (known.name !== municipality.name) {
      conflicts.push([
        'municipalityName',
        `${about} в ${first} назван «${known.name}», а здесь — «${municipality.name}»`,
      ]);
    }
    if (known.kind !== municipality.kind) {
      const [was, is] = [MUNICIPALITY_KIND_LABELS[known.kind], MUNICIPALITY_KIND_LABELS[municipality.kind]];
      conflicts.push(['municipalityKind', `${about} в ${first} имеет вид «${was}», а здесь — «${is}»`]);
    }
    for (const [field, message] of conflicts) this.problems.push(problemAt(source, field, message));
    if (conflicts.length === 0) known.sources.push(source);
  }

  referToMunicipality(code: string, reference: MunicipalityReference) {
    pushTo(this.municipalityReferences, code, reference);
  }

  addOrganization(organization: OrganizationRecord) {
    const known = this.organizations.get(organization.code);
    if (!known) {
      this.organizations.set(organization.code, organization);
      return;
    }
    // A column absent on one of two sheets is no conflict.
    const differing = ORGANIZATION_DATA.filter(
      ([key]) =>
        known[key] !== undefined && organization[key] !== undefined && known[key] !== organization[key],
    );
    if (differing.length === 0) return;
    const fields = differing.map(([, field]) => `«${titleIn(organization.source.table, field)}»`).join(', ');
    this.problems.push(
      problemAt(
        organization.source,
        'organizationCode',
        `Код ОО «${organization.code}» уже есть в ${rowRef(known.source, organization.source)} с другими ` +
          `данными (различаются ${fields})`,
      ),
    );
  }

  /** Drops the references the file itself satisfies; the rest are for the database to answer. */
  resolveReferences() {
    for (const code of this.regionReferences.keys()) {
      if (this.regions.has(code)) this.regionReferences.delete(code);
    }
    for (const [code, references] of this.municipalityReferences) {
      const defined = this.municipalities.get(code);
      if (!defined) continue;
      this.municipalityReferences.delete(code);
      for (const { regionCode, source } of references) {
        if (regionCode === undefined || regionCode === defined.regionCode) continue;
        const first = rowRef(defined.sources[0]!, source);
        this.problems.push(
          problemAt(source, 'regionCode', twoRegions(code, first, defined.regionCode, regionCode)),
        );
      }
    }
  }
}

function twoRegions(oktmo: string, firstRow: string, firstRegion: string, thisRegion: string): string {
  return (
    `Муниципалитет с ОКТМО «${oktmo}» в ${firstRow} отнесён к субъекту «${firstRegion}», а здесь — к ` +
    `«${thisRegion}»: муниципалитет не может входить в два субъекта РФ`
  );
}

function pushTo<V>(map: Map<string, V[]>, key: string, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
