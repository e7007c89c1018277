/** The engine's public surface: the kernel, contexts, resources, random streams, statistics. */
export { Simulation, type RunOptions } from './simulation.js';
export { createContext } from './context.js';
export { EventQueue } from './event-queue.js';
export { Station, type StationOptions, type DoneHandler } from './resources/station.js';
export { PsStation, type PsStationOptions } from './resources/ps-station.js';
export { Pool, type PoolOptions } from './resources/pool.js';
export * from './random/index.js';
export * from './stats/index.js';
export type * from './types.js';
