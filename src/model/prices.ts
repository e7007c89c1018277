/**
 * The price book: instance type → dollars per hour, from models/prices.yaml (dated,
 * illustrative) or a model's own file. Loaded and validated like a model, so a typo in a
 * price file is reported with its line.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { PriceBook } from '../components/define.js';
import { loadAndValidate } from './validate.js';

export const priceFileSchema = z.strictObject({
  as_of: z.union([z.string(), z.date()]).transform((d) => (d instanceof Date ? d.toISOString().slice(0, 10) : d))
    .describe('The date the prices were read (they change).'),
  currency: z.string().default('USD').describe('Currency of every price.'),
  region: z.string().optional().describe('Region the prices are for.'),
  instance_types: z.record(z.string().min(1), z.number().nonnegative()).describe('Dollars per hour for each instance type.'),
});

export interface LoadedPrices extends PriceBook {
  readonly file: string;
  readonly asOf: string;
  readonly currency: string;
  readonly types: readonly string[];
}

/** The shipped price book (models/prices.yaml in this package). */
export const SHIPPED_PRICES = resolve(dirname(fileURLToPath(import.meta.url)), '../../models/prices.yaml');

/** The price file for a model: its `prices:` field, else prices.yaml beside it, else the shipped one. */
export function priceFileFor(modelFile: string, prices: string | undefined): string {
  if (prices !== undefined) return resolve(dirname(modelFile), prices);
  const beside = join(dirname(modelFile), 'prices.yaml');
  return existsSync(beside) ? beside : SHIPPED_PRICES;
}

export function loadPrices(file: string): LoadedPrices {
  const data = loadAndValidate(priceFileSchema, file);
  const table = data.instance_types as Record<string, number>;
  return {
    file,
    asOf: data.as_of,
    currency: data.currency,
    types: Object.keys(table),
    has: (t) => Object.hasOwn(table, t),
    perHour: (t) => {
      if (!Object.hasOwn(table, t)) throw new Error(`price book ${file}: no instance type ${t} (checked at load time)`);
      return table[t]!;
    },
  };
}
