import { randomBytes } from 'node:crypto';

/**
 * Server-side storage for sign-in sessions and sign-ins in progress. The browser holds only a
 * random key in an httpOnly cookie; tokens stay here. The interface is asynchronous so a shared
 * store (Redis, PostgreSQL) can replace the in-memory one when the dashboard runs on more than
 * one node.
 */
export interface SessionStore<Value> {
  get(key: string): Promise<Value | undefined>;
  /** Stores `value` for `ttlMs` milliseconds, replacing what was there. */
  set(key: string, value: Value, ttlMs: number): Promise<void>;
  delete(key: string): Promise<void>;
}

/** 256 random bits, URL-safe: unguessable, so the key itself is the credential. */
export function randomKey(): string {
  return randomBytes(32).toString('base64url');
}

const SWEEP_INTERVAL_MS = 60_000;

/** One node's store: a Map with expiry, swept now and then so abandoned entries do not pile up. */
export class MemorySessionStore<Value> implements SessionStore<Value> {
  readonly #entries = new Map<string, { value: Value; expiresAt: number }>();
  readonly #now: () => number;
  #lastSweep: number;

  constructor(now: () => number = Date.now) {
    this.#now = now;
    this.#lastSweep = now();
  }

  async get(key: string): Promise<Value | undefined> {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.#now()) {
      this.#entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  async set(key: string, value: Value, ttlMs: number): Promise<void> {
    this.#sweep();
    this.#entries.set(key, { value, expiresAt: this.#now() + ttlMs });
  }

  async delete(key: string): Promise<void> {
    this.#entries.delete(key);
  }

  /** Live entries (for tests and diagnostics). */
  get size(): number {
    this.#sweep(true);
    return this.#entries.size;
  }

  #sweep(force = false) {
    const now = this.#now();
    if (!force && now - this.#lastSweep < SWEEP_INTERVAL_MS) return;
    this.#lastSweep = now;
    for (const [key, entry] of this.#entries) if (entry.expiresAt <= now) this.#entries.delete(key);
  }
}
