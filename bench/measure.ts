/**
 * Runs one benchmark model in this process and prints one JSON line of figures.
 * A short run first lets the JIT compile the hot paths, as a long simulation would.
 */
export interface Figures {
  customers: number;
  events: number;
  check: string;
}

export function measure(name: string, customers: number, run: (customers: number) => Figures, warmup = Math.min(20_000, customers)): void {
  run(warmup);
  const t0 = process.hrtime.bigint();
  const f = run(customers);
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  const line = {
    name,
    customers: f.customers,
    events: f.events,
    wallSeconds: wall,
    customersPerSec: f.customers / wall,
    eventsPerSec: f.events / wall,
    peakRssMB: process.resourceUsage().maxRSS / 1024,
    check: f.check,
  };
  process.stdout.write(JSON.stringify(line) + '\n');
}
