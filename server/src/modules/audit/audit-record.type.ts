import { GraphQLJSON } from 'graphql-scalars';
import { Field, GraphQLISODateTime, ID, ObjectType } from 'type-graphql';
import { Connection } from '../../graphql/pagination.js';

@ObjectType({ description: 'Запись журнала аудита: кто, когда, что и с какой строкой сделал.' })
export class AuditRecord {
  @Field(() => ID, { description: 'Номер записи.' })
  id!: string;

  @Field(() => GraphQLISODateTime, { description: 'Момент действия.' })
  at!: Date;

  @Field(() => String, { description: 'Идентификатор субъекта токена (`sub`).' })
  actorSubject!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Имя пользователя; null для сервисной учётной записи.',
  })
  actorUsername!: string | null;

  @Field(() => String, { nullable: true, description: 'Клиент, от имени которого выполнено действие.' })
  actorClient!: string | null;

  @Field(() => String, { description: 'Операция из таблицы политик, например `directory.import`.' })
  operation!: string;

  @Field(() => String, { description: 'Действие: CREATE, UPDATE, DELETE или READ.' })
  action!: string;

  @Field(() => String, { description: 'Вид объекта, например `organization`.' })
  entity!: string;

  @Field(() => String, { nullable: true, description: 'Код объекта.' })
  entityCode!: string | null;

  @Field(() => GraphQLJSON, { nullable: true, description: 'Значения до изменения.' })
  before!: unknown;

  @Field(() => GraphQLJSON, { nullable: true, description: 'Значения после изменения.' })
  after!: unknown;
}

@ObjectType({ description: 'Страница журнала аудита (новые записи первыми).' })
export class AuditRecordConnection extends Connection(AuditRecord) {}
