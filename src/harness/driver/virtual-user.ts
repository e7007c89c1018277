/**
 * One closed-loop user, as a small state machine rather than an async loop: run the on_start
 * tasks once, then repeatedly pick a weighted task, wait for its response, think, repeat.
 * Its wake-up callback is bound once, so a user allocates no closure per request.
 */
import type { Exchange, ExchangeOwner } from './exchange.js';
import { driverStream, type Rng } from './keys.js';
import { pickTask, type CompiledTask, type UserContext } from './tasks.js';
import { sampleThink, type ThinkTime } from './think.js';

/** What a user needs from the run that owns it. */
export interface UserHost {
  readonly stopped: boolean;
  readonly onStart: readonly CompiledTask[];
  readonly tasks: readonly CompiledTask[];
  readonly cum: Float64Array;
  readonly think: ThinkTime;
  send(user: VirtualUser, task: CompiledTask): void;
  /** Record the outcome; returns whether it succeeded. */
  settle(ex: Exchange): boolean;
  userStartedLoop(user: VirtualUser): void;
  userIdle(user: VirtualUser): void;
}

export class VirtualUser implements ExchangeOwner {
  readonly ctx: UserContext;
  readonly rng: Rng;
  private phase = 0;
  private timer: NodeJS.Timeout | null = null;
  private immediate: NodeJS.Immediate | null = null;
  private readonly wake = (): void => this.step();

  constructor(readonly id: number, private readonly host: UserHost, seed: string) {
    this.ctx = { id, vars: {} };
    this.rng = driverStream(seed, `user/${id}`);
  }

  step(): void {
    this.timer = null;
    this.immediate = null;
    const host = this.host;
    if (host.stopped) return host.userIdle(this);
    const n = host.onStart.length;
    if (this.phase < n) return host.send(this, host.onStart[this.phase++]!);
    if (this.phase === n) {
      this.phase++;
      host.userStartedLoop(this);
    }
    const tasks = host.tasks;
    const task = tasks.length === 1 ? tasks[0]! : pickTask(tasks, host.cum, this.rng.next());
    host.send(this, task);
  }

  finish(ex: Exchange): void {
    this.host.settle(ex);
    if (this.host.stopped) return this.host.userIdle(this);
    const inOnStart = this.phase <= this.host.onStart.length;
    const delaySec = inOnStart ? 0 : sampleThink(this.host.think, this.rng);
    this.after(delaySec);
  }

  /** Continue after `sec`; a zero wait uses setImmediate, as setTimeout(0) waits ~1 ms. */
  after(sec: number): void {
    if (sec <= 0) this.immediate = setImmediate(this.wake);
    else this.timer = setTimeout(this.wake, sec * 1000);
  }

  /** Stop now if waiting; returns false when a request is in flight (it stops on finish). */
  interrupt(): boolean {
    if (this.timer === null && this.immediate === null) return false;
    if (this.timer !== null) clearTimeout(this.timer);
    if (this.immediate !== null) clearImmediate(this.immediate);
    this.timer = null;
    this.immediate = null;
    return true;
  }
}
