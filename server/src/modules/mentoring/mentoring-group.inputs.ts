import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { MAX_PAGE_SIZE } from '../../graphql/pagination.js';
import { MentoringForm, MentoringGroupStatus } from './mentoring-group.enums.js';

@InputType({ description: 'Новая наставническая пара или группа.' })
export class MentoringGroupInput {
  @Field(() => MentoringForm, { description: 'Форма наставничества.' })
  form!: MentoringForm;

  @Field(() => ID, {
    nullable: true,
    description: 'Программа наставничества своей ОО, в которую входит группа.',
  })
  programId?: string | null;

  @Field(() => String, { nullable: true, description: 'Название пары или группы.' })
  title?: string | null;

  @Field(() => [ID], { description: 'Наставники (участники своей ОО из базы наставников).' })
  mentorIds!: string[];

  @Field(() => [ID], { description: 'Наставляемые (участники своей ОО из базы наставляемых).' })
  menteeIds!: string[];

  @Field(() => String, { nullable: true, description: 'Номер приказа о закреплении.' })
  orderNumber?: string | null;

  @Field(() => String, { nullable: true, description: 'Дата приказа о закреплении (ГГГГ-ММ-ДД).' })
  orderDate?: string | null;

  @Field(() => String, { nullable: true, description: 'Дата начала работы (ГГГГ-ММ-ДД).' })
  startedOn?: string | null;
}

@InputType({ description: 'Отбор пар и групп.' })
export class MentoringGroupFilter {
  @Field(() => MentoringGroupStatus, { nullable: true, description: 'Только в этом состоянии.' })
  status?: MentoringGroupStatus | null;

  @Field(() => MentoringForm, { nullable: true, description: 'Только этой формы наставничества.' })
  form?: MentoringForm | null;
}

@ArgsType()
export class MentoringGroupListArgs {
  @Field(() => Int, {
    defaultValue: 100,
    description: `Сколько пар и групп вернуть (0–${MAX_PAGE_SIZE}; 0 — только totalCount).`,
  })
  first!: number;

  @Field(() => String, { nullable: true, description: 'Курсор `endCursor` предыдущей страницы.' })
  after?: string | null;

  @Field(() => MentoringGroupFilter, { nullable: true, description: 'Отбор.' })
  filter?: MentoringGroupFilter | null;
}
