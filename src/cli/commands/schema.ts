/**
 * `stacksim schema`: write the JSON Schema of model files, so editors autocomplete and check
 * YAML (shipped models start with `# yaml-language-server: $schema=./schema.json`).
 */
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { toJsonSchema } from '../../model/json-schema.js';
import { modelSchema } from '../../model/schema/model.js';
import { experimentJsonSchema as experimentSchemaObject } from '../../experiment/json-schema.js';

export function modelJsonSchema(): string {
  return `${JSON.stringify(toJsonSchema(modelSchema, { id: 'https://stacksim.dev/schema/model.json', title: 'stacksim model' }), null, 2)}\n`;
}

export function experimentJsonSchema(): string {
  return `${JSON.stringify(experimentSchemaObject(), null, 2)}\n`;
}

export function registerSchema(program: Command): void {
  program
    .command('schema')
    .description('write the JSON Schemas for model and experiment files (for editor autocomplete)')
    .option('-o, --out <file>', 'where to write the model schema', 'models/schema.json')
    .option('--experiments-out <file>', 'where to write the experiment schema', 'experiments/schema.json')
    .option('--stdout', 'print the model schema instead of writing files')
    .addHelpText('after', `
Examples:
  $ stacksim schema                     # writes models/schema.json and experiments/schema.json
  $ stacksim schema --out my/schema.json
  $ stacksim schema --stdout | jq '.properties | keys'`)
    .action((opts: { out: string; experimentsOut: string; stdout?: boolean }) => {
      const text = modelJsonSchema();
      if (opts.stdout) return void process.stdout.write(text);
      writeFileSync(opts.out, text);
      writeFileSync(opts.experimentsOut, experimentJsonSchema());
      process.stdout.write(`wrote ${opts.out} and ${opts.experimentsOut}\n`);
    });
}
