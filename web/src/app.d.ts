import type { Client } from '@urql/core';

// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
  namespace App {
    interface Locals {
      /** This request's GraphQL client (server-side only; built in hooks.server.ts). */
      api: Client;
    }
  }
}

export {};
