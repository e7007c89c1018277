/**
 * Writing an experiment's outputs into its folder: results.json (ExperimentResults),
 * results.csv and run-info.json. Charts and the HTML report are the report module's job.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { toCsv } from './csv.js';
import type { ExperimentResults } from './results.js';
import type { RunInfo } from './run-info.js';

export function writeOutputs(results: ExperimentResults, runInfo: RunInfo, outDir: string): string[] {
  mkdirSync(outDir, { recursive: true });
  const files: [string, string][] = [
    ['results.json', `${JSON.stringify(results, null, 2)}\n`],
    ['results.csv', toCsv(results)],
    ['run-info.json', `${JSON.stringify(runInfo, null, 2)}\n`],
  ];
  for (const [name, text] of files) writeFileSync(join(outDir, name), text);
  return files.map(([name]) => join(outDir, name));
}
