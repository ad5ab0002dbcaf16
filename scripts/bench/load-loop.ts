export interface LoadResult {
  clients: number;
  requests: number;
  requestsPerSecond: number;
  p50: number;
  p95: number;
}

/** Nearest-rank percentile of an ascending list. */
function percentile(sorted: number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)];
}

/**
 * Keeps `clients` requests in flight for `seconds`: each client sends its next request as soon
 * as the previous answer arrives (a closed loop), so requests/s is what the server sustains at
 * that concurrency and latency includes any queueing inside it.
 */
export async function runLoad(
  send: () => Promise<void>,
  clients: number,
  seconds: number,
): Promise<LoadResult> {
  const latencies: number[] = [];
  const started = performance.now();
  const deadline = started + seconds * 1000;

  const client = async () => {
    while (performance.now() < deadline) {
      const sent = performance.now();
      await send();
      latencies.push(performance.now() - sent);
    }
  };
  await Promise.all(Array.from({ length: clients }, client));

  const elapsedSeconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    clients,
    requests: latencies.length,
    requestsPerSecond: latencies.length / elapsedSeconds,
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
  };
}
