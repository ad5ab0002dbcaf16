import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { badInput } from '../../graphql/errors.js';
import type { GraphQLContext } from '../../graphql/context.js';
import {
  checkPageSize,
  decodeCursor,
  encodeCursor,
  MAX_PAGE_SIZE,
  type Page,
} from '../../graphql/pagination.js';
import { Allow } from '../access/policy.js';
import { MUNICIPALITIES, REGIONS } from '../hierarchy/hierarchy.service.js';
import { Municipality } from '../hierarchy/municipality.entity.js';
import { Organization } from '../hierarchy/organization.entity.js';
import { RoadmapItem } from './roadmap-item.entity.js';
import { sumProgress, todayIso } from './roadmap-progress.js';
import { overdueItemRows, schoolRoadmapRows, unitCompletionRows } from './roadmap-tracking.service.js';
import {
  OverdueRoadmapItem,
  OverdueRoadmapItemConnection,
  RoadmapCompletion,
  RoadmapTracker,
  UnitRoadmapCompletion,
} from './roadmap-tracking.types.js';
import { Roadmap } from './roadmap.entity.js';
import { RoadmapStatus } from './roadmap.enums.js';

@ArgsType()
class YearArgs {
  @Field(() => Int, { description: 'Учебный год по году начала: 2025 — это 2025/2026.' })
  academicYear!: number;

  @Field(() => String, { nullable: true, description: 'Дата расчёта (ГГГГ-ММ-ДД); по умолчанию сегодня.' })
  asOf?: string | null;
}

@ArgsType()
class OverdueArgs extends YearArgs {
  @Field(() => String, { description: 'ОКТМО муниципалитета.' })
  municipalityCode!: string;

  @Field(() => Int, { defaultValue: 50, description: `Сколько вернуть (0–${MAX_PAGE_SIZE}).` })
  first!: number;

  @Field(() => String, { nullable: true, description: 'Курсор `endCursor` предыдущей страницы.' })
  after?: string | null;
}

function checkedAsOf(asOf: string | null | undefined): string {
  if (asOf == null) return todayIso();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || Number.isNaN(Date.parse(asOf))) {
    throw badInput('asOf', `дата в формате ГГГГ-ММ-ДД, передано «${asOf}»`);
  }
  return asOf;
}

function unitTotal(rows: UnitRoadmapCompletion[], name: string): UnitRoadmapCompletion {
  const sum = (pick: (row: UnitRoadmapCompletion) => number) =>
    rows.reduce((total, row) => total + pick(row), 0);
  return {
    code: '',
    name,
    organizations: sum((row) => row.organizations),
    withRoadmap: sum((row) => row.withRoadmap),
    agreed: sum((row) => row.agreed),
    progress: sumProgress(rows.map((row) => row.progress)),
  };
}

@Resolver(() => RoadmapTracker)
export class RoadmapTrackingResolver {
  @Allow('roadmap.track')
  @Query(() => RoadmapTracker, {
    nullable: true,
    description:
      'Трекер муниципалитета: каждая ОО строкой — состояние дорожной карты и её выполнение на дату.',
  })
  async roadmapTracker(
    @Arg('municipalityCode', () => String, { description: 'ОКТМО муниципалитета.' }) municipalityCode: string,
    @Args(() => YearArgs) { academicYear, asOf }: YearArgs,
    @Ctx() { em, scope, lists }: GraphQLContext,
  ): Promise<RoadmapTracker | null> {
    const date = checkedAsOf(asOf);
    const municipality = await lists.byCode(MUNICIPALITIES, municipalityCode);
    if (!municipality) return null;
    const rows = await schoolRoadmapRows(em, scope, municipality.id, academicYear, date);
    return {
      municipalityId: municipality.id,
      academicYear,
      asOf: date,
      rows,
      organizations: rows.length,
      withRoadmap: rows.filter((row) => row.roadmapId !== null).length,
      agreed: rows.filter((row) => row.status === RoadmapStatus.AGREED).length,
      total: sumProgress(rows.map((row) => row.progress)),
    };
  }

  @Allow('roadmap.track')
  @FieldResolver(() => Municipality, { description: 'Муниципалитет.' })
  municipality(@Root() tracker: RoadmapTracker, @Ctx() { hierarchy }: GraphQLContext) {
    return hierarchy.municipalityById.load(tracker.municipalityId);
  }

  @Allow('roadmap.track')
  @Query(() => RoadmapCompletion, {
    nullable: true,
    description:
      'Выполнение дорожных карт ОО по муниципалитетам субъекта (regionCode) или по субъектам РФ (regionCode не задан), с итогом.',
  })
  async roadmapCompletion(
    @Arg('regionCode', () => String, {
      nullable: true,
      description: 'Код субъекта РФ; не задан — вся страна.',
    })
    regionCode: string | null,
    @Args(() => YearArgs) { academicYear, asOf }: YearArgs,
    @Ctx() { em, scope, lists }: GraphQLContext,
  ): Promise<RoadmapCompletion | null> {
    const date = checkedAsOf(asOf);
    const region = regionCode ? await lists.byCode(REGIONS, regionCode) : null;
    if (regionCode && !region) return null;
    const rows = await unitCompletionRows(em, scope, region?.id ?? null, academicYear, date);
    return {
      academicYear,
      asOf: date,
      rows,
      total: unitTotal(rows, region ? region.name : 'Российская Федерация'),
    };
  }

  @Allow('roadmap.track')
  @Query(() => OverdueRoadmapItemConnection, {
    nullable: true,
    description: 'Просроченные мероприятия дорожных карт ОО муниципалитета, от самых просроченных.',
  })
  async overdueRoadmapItems(
    @Args(() => OverdueArgs) args: OverdueArgs,
    @Ctx() { em, scope, lists, hierarchy }: GraphQLContext,
  ): Promise<Page<OverdueRoadmapItem> | null> {
    checkPageSize(args.first);
    const date = checkedAsOf(args.asOf);
    const municipality = await lists.byCode(MUNICIPALITIES, args.municipalityCode);
    if (!municipality) return null;
    const cursor = args.after ? decodeCursor(args.after) : null;
    const { rows, total } = await overdueItemRows(
      em,
      scope,
      municipality.id,
      args.academicYear,
      date,
      args.first,
      cursor ? { dueTo: cursor.sortKey, id: cursor.id } : null,
    );
    const page = rows.slice(0, args.first);
    const items = await em.find(RoadmapItem, { id: { $in: page.map((row) => row.id) } });
    const roadmaps = await em.find(Roadmap, {
      id: { $in: [...new Set(items.map((item) => item.roadmap.id))] },
    });
    const itemById = new Map(items.map((item) => [item.id, item]));
    const roadmapById = new Map(roadmaps.map((roadmap) => [roadmap.id, roadmap]));
    const nodes = await Promise.all(
      page.map(async (row) => {
        const item = itemById.get(row.id)!;
        return {
          item,
          title: item.title,
          dueTo: row.due_to,
          daysLate: row.days_late,
          organization: (await hierarchy.organizationById.load(item.organization!.id)) as Organization,
          roadmap: roadmapById.get(item.roadmap.id)!,
        };
      }),
    );
    const last = page.at(-1);
    return {
      nodes,
      pageInfo: {
        hasNextPage: rows.length > args.first,
        endCursor: last ? encodeCursor({ sortKey: last.due_to, id: last.id }) : null,
      },
      get totalCount() {
        return total();
      },
    };
  }
}
