import type { Client } from '@urql/core';
import type { Session } from '$lib/server/auth/sessions';
import type { Viewer } from '$lib/viewer';

// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
  namespace App {
    interface Locals {
      /** This request's GraphQL client (server-side only; built in hooks.server.ts). */
      api: Client;
      /** The signed-in user's session with their tokens; server-side only, never returned from a load. */
      session: Session | null;
      /** The signed-in user, as pages may see them. */
      user: Viewer | null;
    }
    interface PageData {
      /** From the root layout: who is signed in (no tokens). */
      user: Viewer | null;
    }
  }
}

export {};
