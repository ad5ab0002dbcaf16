import type { LayoutServerLoad } from './$types';

// The user's name, roles and node for the header; tokens stay in locals.session on the server.
export const load = (({ locals }) => ({ user: locals.user })) satisfies LayoutServerLoad;
