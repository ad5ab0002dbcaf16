import type { GraphQLError } from 'graphql';

/** The write rules speak in lower case, after a field name; a problem in a report is a sentence of its own. */
export function capitalised(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1);
}

/**
 * A rule's refusal as an import reports it: without the «field: » that badInput puts before the
 * message (the problem names the file's column instead), capitalised.
 */
export function ruleMessage(error: GraphQLError): string {
  const field = error.extensions.field;
  const message =
    field && error.message.startsWith(`${String(field)}: `)
      ? error.message.slice(String(field).length + 2)
      : error.message;
  return capitalised(message);
}
