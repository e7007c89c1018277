/**
 * Print the harness's own cost figures: scrypt time per hash for each cost, and the time to
 * start embedded Postgres and seed it. Run: `npx tsx src/harness/measure.ts [users] [interactions]`
 * (defaults 100000 and 1000000). Figures only; nothing is asserted.
 */
import { hashPassword } from './passwords.js';
import { startSystem } from './system.js';
import { now } from './timing.js';

function scryptFigures(): void {
  for (const logN of [10, 11, 12, 13, 14]) {
    const cost = { logN, r: 8, p: 1 };
    hashPassword('warm-up-password', cost);
    const reps = logN >= 13 ? 10 : 30;
    const t0 = now();
    for (let i = 0; i < reps; i++) hashPassword(`password-${i}`, cost);
    console.log(`scrypt N=2^${logN} r=8 p=1: ${((now() - t0) / reps).toFixed(2)} ms/hash`);
  }
}

async function seedFigures(users: number, interactions: number): Promise<void> {
  const sys = await startSystem({ seed: { users, interactions }, logLevel: 'silent' });
  const s = sys.startup;
  console.log(
    `embedded postgres start ${s.postgresMs.toFixed(0)} ms, migrate ${s.migrateMs.toFixed(0)} ms, ` +
      `seed ${users} users + ${interactions} interactions ${s.seedMs.toFixed(0)} ms, ready after ${s.totalMs.toFixed(0)} ms`,
  );
  await sys.stop();
}

const [users = '100000', interactions = '1000000'] = process.argv.slice(2);
scryptFigures();
await seedFigures(Number(users), Number(interactions));
