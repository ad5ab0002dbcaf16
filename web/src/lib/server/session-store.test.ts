import { describe, expect, it } from 'vitest';
import { MemorySessionStore } from './session-store';

describe('MemorySessionStore', () => {
  it('returns what was stored until its time is up', async () => {
    let clock = 0;
    const store = new MemorySessionStore<string>(() => clock);
    await store.set('k', 'v', 1_000);
    clock = 999;
    expect(await store.get('k')).toBe('v');
    clock = 1_000;
    expect(await store.get('k')).toBeUndefined();
  });

  it('sweeps out abandoned entries that nobody asks for again', async () => {
    let clock = 0;
    const store = new MemorySessionStore<string>(() => clock);
    for (let index = 0; index < 100; index += 1) await store.set(`abandoned-${index}`, 'v', 10_000);
    clock = 120_000;
    await store.set('live', 'v', 10_000);
    expect(store.size).toBe(1);
  });

  it('deletes on request', async () => {
    const store = new MemorySessionStore<string>();
    await store.set('k', 'v', 60_000);
    await store.delete('k');
    expect(await store.get('k')).toBeUndefined();
  });
});
