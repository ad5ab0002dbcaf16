import { Field, ID, InputType, Int } from 'type-graphql';
import { MentoringStage } from '../mentoring/mentoring-stage.js';
import { RoadmapItemStatus } from './roadmap.enums.js';

@InputType({ description: 'План мероприятия: что, когда, кто, какой результат.' })
export class RoadmapItemPlanInput {
  @Field(() => ID, { nullable: true, description: 'Раздел дорожной карты; null — без раздела.' })
  sectionId?: string | null;

  @Field(() => String, { nullable: true, description: 'Номер, как в документе.' })
  number?: string | null;

  @Field(() => String, { description: 'Мероприятие.' })
  title!: string;

  @Field(() => MentoringStage, { nullable: true, description: 'Этап программы наставничества.' })
  stage?: MentoringStage | null;

  @Field(() => String, {
    description: 'Срок так, как его пишут: «Сентябрь, октябрь 2025», «До 05.09.2025», «В течение года».',
  })
  dueWording!: string;

  @Field(() => String, { nullable: true, description: 'Ответственные.' })
  responsible?: string | null;

  @Field(() => String, { nullable: true, description: 'Результат / вид документа.' })
  expectedResult?: string | null;
}

@InputType({ description: 'Отметка о выполнении мероприятия с подтверждением.' })
export class RoadmapItemMarkInput {
  @Field(() => RoadmapItemStatus, { description: 'Отметка.' })
  status!: RoadmapItemStatus;

  @Field(() => String, {
    nullable: true,
    description: 'Дата выполнения (ГГГГ-ММ-ДД); обязательна для «выполнено».',
  })
  completedAt?: string | null;

  @Field(() => String, { nullable: true, description: 'Комментарий.' })
  completionNote?: string | null;

  @Field(() => String, { nullable: true, description: 'Номер приказа или другого документа.' })
  evidenceOrderNumber?: string | null;

  @Field(() => String, { nullable: true, description: 'Дата документа (ГГГГ-ММ-ДД).' })
  evidenceOrderDate?: string | null;

  @Field(() => String, { nullable: true, description: 'Ссылка на документ или публикацию (http/https).' })
  evidenceLink?: string | null;

  @Field(() => String, { nullable: true, description: 'Имя файла подтверждающего документа.' })
  evidenceFileName?: string | null;
}

@InputType({
  description: 'Создание дорожной карты своей организации, муниципалитета или субъекта из шаблона.',
})
export class CreateRoadmapFromTemplateInput {
  @Field(() => String, { description: 'Код шаблона (см. roadmapTemplates).' })
  templateCode!: string;

  @Field(() => Int, { description: 'Учебный год по году начала: 2025 — это 2025/2026.' })
  academicYear!: number;
}
