import { Field, InputType } from 'type-graphql';
import { MentoringForm } from './mentoring-group.enums.js';

@InputType({ description: 'Новая программа наставничества своей ОО.' })
export class MentoringProgramInput {
  @Field(() => String, { description: 'Наименование программы.' })
  title!: string;

  @Field(() => [MentoringForm], { description: 'Формы наставничества программы (хотя бы одна).' })
  forms!: MentoringForm[];

  @Field(() => String, { nullable: true, description: 'Цели и задачи программы.' })
  goals?: string | null;

  @Field(() => String, { description: 'Начало срока реализации (ГГГГ-ММ-ДД).' })
  periodFrom!: string;

  @Field(() => String, { description: 'Окончание срока реализации (ГГГГ-ММ-ДД).' })
  periodTo!: string;

  @Field(() => Boolean, { defaultValue: false, description: 'Персонализированная программа наставничества.' })
  personalised!: boolean;
}
