import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { machineFacts } from '../../../src/harness/driver/machine.js';

describe('machineFacts', () => {
  it('says which machine a result came from, as plain JSON', () => {
    const m = machineFacts();
    expect(m.cpuCount).toBe(os.cpus().length);
    expect(m.cpuModel).toBe(os.cpus()[0]!.model.trim());
    expect(m.totalMemoryBytes).toBe(os.totalmem());
    expect(m.nodeVersion).toBe(process.version);
    expect(m.hostname).toBe(os.hostname());
    expect(JSON.parse(JSON.stringify(m))).toEqual(m);
  });
});
