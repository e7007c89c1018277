/** `stacksim components`: the component kinds a model can use, from the registry. */
import type { Command } from 'commander';
import { registry } from '../../components/registry.js';
import type { ComponentDef } from '../../components/define.js';
import { table } from '../format.js';

export function registerComponents(program: Command): void {
  program
    .command('components')
    .description('list the component kinds a model can use')
    .addHelpText('after', `
Examples:
  $ stacksim components
  $ stacksim schema --stdout   # every field of every kind, with its documentation`)
    .action(() => {
      const defs = Object.values(registry) as ComponentDef[];
      process.stdout.write(`${table(['kind', 'what it is'], defs.map((d) => [d.kind, d.summary]), ['l', 'l'])}\n`);
    });
}
