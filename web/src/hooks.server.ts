import type { Handle, HandleServerError } from '@sveltejs/kit';
import { createApiClient } from '$lib/server/api-client';

export const handle: Handle = async ({ event, resolve }) => {
  // One GraphQL client per request, on the request's own fetch (see api-client.ts).
  event.locals.api = createApiClient(event.fetch);
  return resolve(event);
};

export const handleError: HandleServerError = ({ error, status, message }) => {
  if (status === 404)
    return { message: 'Такой страницы нет. Возможно, ссылка устарела или в адресе опечатка.' };
  // The details go to the server log only; the user gets a Russian sentence, never a stack trace.
  console.error(error);
  return { message: status >= 500 ? 'Внутренняя ошибка сервиса. Повторите попытку позже.' : message };
};
