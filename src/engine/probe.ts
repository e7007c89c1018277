/**
 * The probe bus: components emit typed events, statistics collectors subscribe.
 * A channel with no listener is inactive, and emitters check `active` before building
 * an event, so an unobserved probe costs one property read.
 */
import type { ProbeBus, ProbeChannel, ProbeEvent } from './types.js';

class Channel<E extends ProbeEvent> implements ProbeChannel<E> {
  active = false;
  private listeners: Array<(event: E) => void> = [];
  constructor(readonly type: E['type']) {}

  emit(event: E): void {
    const ls = this.listeners;
    for (let i = 0; i < ls.length; i++) ls[i]!(event);
  }

  add(listener: (event: E) => void): () => void {
    this.listeners = [...this.listeners, listener];
    this.active = true;
    return () => {
      this.listeners = this.listeners.filter((l) => l !== listener);
      this.active = this.listeners.length > 0;
    };
  }
}

export class Probes implements ProbeBus {
  private channels = new Map<string, Channel<any>>();

  channel<E extends ProbeEvent>(type: E['type']): ProbeChannel<E> {
    let ch = this.channels.get(type);
    if (!ch) {
      ch = new Channel<E>(type);
      this.channels.set(type, ch);
    }
    return ch;
  }

  on<E extends ProbeEvent>(type: E['type'], listener: (event: E) => void): () => void {
    return (this.channel<E>(type) as Channel<E>).add(listener);
  }
}
