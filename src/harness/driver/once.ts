/**
 * A single unmeasured request, awaited: for setup steps such as logging in before an
 * open-loop run. The hot paths use exchanges directly; this wraps one in a promise.
 */
import type { Dispatcher } from 'undici';
import { Exchange, nowMs, type ExchangeOwner } from './exchange.js';
import type { Rng } from './keys.js';
import { prepareRequest, type CompiledTask, type UserContext } from './tasks.js';

/** Run `task` once for `user`; resolves after its capture ran, rejects on any failure. */
export function requestOnce(
  dispatcher: Dispatcher, task: CompiledTask, user: UserContext, seq: number, runId: string, rng: Rng, timeoutMs: number,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const prepared = prepareRequest(task, user, seq, runId, rng);
    const ex = new Exchange();
    const timer = setTimeout(() => ex.expireIfLate(Infinity, timeoutMs), timeoutMs);
    const owner: ExchangeOwner = {
      finish() {
        clearTimeout(timer);
        if (ex.error !== null) return reject(new Error(`setup task "${task.name}" failed: ${ex.error.message}`));
        if (task.expected[ex.status] !== 1) return reject(new Error(`setup task "${task.name}" got HTTP ${ex.status}`));
        try {
          task.spec.capture?.(ex.json(), ex.ctx!);
          resolve();
        } catch (err) {
          reject(new Error(`setup task "${task.name}": capture failed: ${(err as Error).message}`));
        }
      },
    };
    ex.owner = owner;
    ex.task = task;
    ex.intendedMs = nowMs();
    ex.start(dispatcher, prepared, timeoutMs);
  });
}
