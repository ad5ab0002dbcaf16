import { Field, Float, Int, ObjectType } from 'type-graphql';

/** Counts of a set of roadmap items at a given date; shares are Σ numerator / Σ denominator. */
@ObjectType({ description: 'Выполнение мероприятий дорожных карт на дату.' })
export class RoadmapProgress {
  @Field(() => Int, { description: 'Мероприятий всего.' })
  itemsTotal!: number;

  @Field(() => Int, { description: 'Мероприятий со сроком не позднее даты (без отменённых).' })
  dueByDate!: number;

  @Field(() => Int, { description: 'Из них выполнено к дате.' })
  dueDone!: number;

  @Field(() => Int, { description: 'Выполнено к дате (всего, включая досрочно).' })
  done!: number;

  @Field(() => Int, { description: 'Выполнено в срок.' })
  doneOnTime!: number;

  @Field(() => Int, { description: 'Просрочено: срок прошёл, отметки о выполнении нет.' })
  overdue!: number;

  @Field(() => Int, { description: 'Отмечено «не выполнено».' })
  notDone!: number;

  @Field(() => Int, { description: 'Отменено.' })
  cancelled!: number;

  @Field(() => Float, {
    nullable: true,
    description:
      'Доля выполненных среди мероприятий со сроком не позднее даты (0–1); null — таких мероприятий нет.',
  })
  completionShare!: number | null;
}

/** SQL aggregates over roadmap_item `i` at date `?` (bound 5 times, see PROGRESS_PARAMS). */
export const PROGRESS_COLUMNS = `
  count(i.id)::int as items_total,
  count(i.id) filter (where i.status <> 'CANCELLED' and i.due_to <= ?::date)::int as due_by_date,
  count(i.id) filter (where i.status = 'DONE' and i.completed_at <= ?::date and i.due_to <= ?::date)::int as due_done,
  count(i.id) filter (where i.status = 'DONE' and i.completed_at <= ?::date)::int as done,
  count(i.id) filter (where i.status = 'DONE' and (i.due_to is null or i.completed_at <= i.due_to))::int as done_on_time,
  count(i.id) filter (where i.status in ('PLANNED', 'IN_PROGRESS', 'DONE') and i.due_to < ?::date
                        and not (i.status = 'DONE' and i.completed_at <= ?::date))::int as overdue,
  count(i.id) filter (where i.status = 'NOT_DONE')::int as not_done,
  count(i.id) filter (where i.status = 'CANCELLED')::int as cancelled`;

/** The date parameters PROGRESS_COLUMNS needs, in order. */
export const progressParams = (asOf: string) => [asOf, asOf, asOf, asOf, asOf, asOf];

export interface ProgressRow {
  items_total: number;
  due_by_date: number;
  due_done: number;
  done: number;
  done_on_time: number;
  overdue: number;
  not_done: number;
  cancelled: number;
}

export function progressOf(row: ProgressRow): RoadmapProgress {
  return {
    itemsTotal: row.items_total,
    dueByDate: row.due_by_date,
    dueDone: row.due_done,
    done: row.done,
    doneOnTime: row.done_on_time,
    overdue: row.overdue,
    notDone: row.not_done,
    cancelled: row.cancelled,
    completionShare: row.due_by_date > 0 ? row.due_done / row.due_by_date : null,
  };
}

/** Adds progress rows up; the share is recomputed from the sums, never averaged. */
export function sumProgress(rows: readonly RoadmapProgress[]): RoadmapProgress {
  const total = (pick: (p: RoadmapProgress) => number) => rows.reduce((sum, row) => sum + pick(row), 0);
  const dueByDate = total((p) => p.dueByDate);
  const dueDone = total((p) => p.dueDone);
  return {
    itemsTotal: total((p) => p.itemsTotal),
    dueByDate,
    dueDone,
    done: total((p) => p.done),
    doneOnTime: total((p) => p.doneOnTime),
    overdue: total((p) => p.overdue),
    notDone: total((p) => p.notDone),
    cancelled: total((p) => p.cancelled),
    completionShare: dueByDate > 0 ? dueDone / dueByDate : null,
  };
}

/** Today's date (server clock) as the default date of every "as of" figure. */
export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}
