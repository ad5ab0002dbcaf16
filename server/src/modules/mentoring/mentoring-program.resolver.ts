import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context.js';
import { notFound } from '../../graphql/errors.js';
import { Allow } from '../access/policy.js';
import { MentoringProgram } from './mentoring-program.entity.js';
import { MentoringProgramInput } from './mentoring-program.inputs.js';
import { createMentoringProgram } from './mentoring-program.service.js';

@Resolver(() => MentoringProgram)
export class MentoringProgramResolver {
  @Allow('mentoring.write')
  @Mutation(() => MentoringProgram, {
    description: 'Создаёт программу наставничества своей ОО (куратор ОО).',
  })
  async createMentoringProgram(
    @Arg('input', () => MentoringProgramInput, { description: 'Программа.' }) input: MentoringProgramInput,
    @Ctx() { em, scope, mentoring }: GraphQLContext,
  ) {
    const id = await em.transactional((tx) => createMentoringProgram(tx, scope, input));
    const program = await mentoring.program.load(id);
    if (!program) throw notFound('Программа наставничества не найдена.');
    return program;
  }
}
