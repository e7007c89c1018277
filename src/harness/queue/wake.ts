/**
 * Which pg-boss worker to notify when a job is sent. pg-boss workers poll: an idle one sleeps
 * out its polling interval, and a busy one, once its job is done, sleeps out what is left of
 * the interval before polling again. notifyWorker(id) cuts either sleep short. An idle worker
 * is preferred, taken in rotation so back-to-back sends wake different workers; when all are
 * busy, one of them (also in rotation) is told to poll again as soon as it is free.
 */
export class WakeUp {
  private readonly ids: Array<string | undefined>;
  private readonly busy: boolean[];
  private next = 0;

  constructor(readonly workers: number) {
    this.ids = Array.from({ length: workers }, () => undefined);
    this.busy = Array.from({ length: workers }, () => false);
  }

  /** Worker `index` got its pg-boss id (work() resolves after the worker has started). */
  register(index: number, id: string): void {
    this.ids[index] = id;
  }

  idOf(index: number): string | undefined {
    return this.ids[index];
  }

  setBusy(index: number, busy: boolean): void {
    this.busy[index] = busy;
  }

  /** The id of the worker to notify, or undefined before any has registered. */
  pick(): string | undefined {
    const n = this.workers;
    const chosen = this.firstFrom(this.next, (i) => !this.busy[i]) ?? this.firstFrom(this.next, () => true);
    if (chosen === undefined) return undefined;
    this.next = (chosen + 1) % n;
    return this.ids[chosen];
  }

  private firstFrom(start: number, ok: (i: number) => boolean): number | undefined {
    for (let k = 0; k < this.workers; k++) {
      const i = (start + k) % this.workers;
      if (this.ids[i] !== undefined && ok(i)) return i;
    }
    return undefined;
  }
}
