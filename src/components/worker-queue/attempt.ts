/**
 * The flow every task attempt runs on its worker: the task's own steps as a sub-flow, then
 * a last step that draws the transient failure (the attempt did its work, then raised). An
 * attempt cut short by an error (a pool timeout…) never reaches that step: it fails too.
 */
import type { RandomStream } from '../../engine/types.js';
import type { Request } from '../../flow/request.js';
import type { FlowControl, Step } from '../../flow/step.js';
import type { Task } from './task.js';

class RunTask implements Step {
  readonly kind = 'task';
  constructor(readonly label: string) {}
  run(req: Request, flow: FlowControl): void {
    const task = req as Task;
    if (task.def.steps.length === 0) throw new Error(`${this.label}: task ${task.def.name} has no compiled steps (bindTasks was not called)`);
    flow.enter(req, task.def.steps);
  }
}

class FinishAttempt implements Step {
  readonly kind = 'task_end';
  constructor(readonly label: string, private readonly rng: RandomStream) {}
  run(req: Request, flow: FlowControl): void {
    const task = req as Task;
    task.finished = true;
    // draw only when failures are possible: a model without them keeps this stream untouched
    task.succeeded = !(task.def.failure > 0 && this.rng.next() < task.def.failure);
    flow.next(req);
  }
}

/** The two-step flow of an attempt; `rng` draws the transient failures. */
export function attemptFlow(queue: string, rng: RandomStream): readonly Step[] {
  return [new RunTask(`${queue}:task`), new FinishAttempt(`${queue}:task_end`, rng)];
}
