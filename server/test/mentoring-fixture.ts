import { expect } from 'vitest';
import type { Caller, TestServer } from './test-server.js';

type Errors = { message: string; extensions?: { code?: unknown } }[] | undefined;

/** The first error has this code and a message matching this pattern. */
export function expectError(result: { data?: unknown; errors?: Errors }, code: string, message: RegExp) {
  expect(result.errors?.[0]?.extensions?.code).toBe(code);
  expect(result.errors?.[0]?.message).toMatch(message);
}

let keySequence = 0;

/**
 * Adds a participant through the API, as the curator would, with (by default) a consent in force:
 * signed by the person when adult, by a legal representative otherwise. Returns the id.
 */
export async function addParticipant(
  api: TestServer,
  caller: Caller,
  input: Record<string, unknown>,
  options: { consent?: boolean } = {},
): Promise<string> {
  const created = await api.graphql<{ createParticipant: { id: string } }>(
    `mutation($input: ParticipantInput!) { createParticipant(input: $input) { id } }`,
    { input: { externalKey: `Т-${++keySequence}`, firstName: 'Тест', ...input } },
    caller,
  );
  expect(created.errors).toBeUndefined();
  const id = created.data!.createParticipant.id;
  if (options.consent !== false) {
    const adult = String(input.birthDate) < '2007-01-01';
    const signed = await api.graphql(
      `mutation($id: ID!, $input: ConsentInput!) { recordConsent(participantId: $id, input: $input) { id } }`,
      {
        id,
        input: adult
          ? { signedBy: 'SELF', signedOn: '2025-09-01' }
          : { signedBy: 'LEGAL_REPRESENTATIVE', representativeName: 'Представитель', signedOn: '2025-09-01' },
      },
      caller,
    );
    expect(signed.errors).toBeUndefined();
  }
  return id;
}
