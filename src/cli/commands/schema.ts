/**
 * `stacksim schema`: write the JSON Schema of model files, so editors autocomplete and check
 * YAML (shipped models start with `# yaml-language-server: $schema=./schema.json`).
 */
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { toJsonSchema } from '../../model/json-schema.js';
import { modelSchema } from '../../model/schema/model.js';

export function modelJsonSchema(): string {
  return `${JSON.stringify(toJsonSchema(modelSchema, { id: 'https://stacksim.dev/schema/model.json', title: 'stacksim model' }), null, 2)}\n`;
}

export function registerSchema(program: Command): void {
  program
    .command('schema')
    .description('write the JSON Schema for model files (for editor autocomplete)')
    .option('-o, --out <file>', 'where to write it', 'models/schema.json')
    .option('--stdout', 'print it instead of writing a file')
    .addHelpText('after', `
Examples:
  $ stacksim schema                     # writes models/schema.json
  $ stacksim schema --out my/schema.json
  $ stacksim schema --stdout | jq '.properties | keys'`)
    .action((opts: { out: string; stdout?: boolean }) => {
      const text = modelJsonSchema();
      if (opts.stdout) process.stdout.write(text);
      else {
        writeFileSync(opts.out, text);
        process.stdout.write(`wrote ${opts.out}\n`);
      }
    });
}
