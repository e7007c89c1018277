/**
 * Mistakes in what `plan` was asked — an unknown knob, an SLO it cannot read, a load the
 * model's traffic cannot take. The message names the option, the value and what is allowed;
 * the CLI prints it and exits 2.
 */
export class PlanInputError extends Error {
  override readonly name = 'PlanInputError';
}
