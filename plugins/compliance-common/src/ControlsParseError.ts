/**
 * A controls file that failed validation. The message lists every problem,
 * one per line, each as `<file>: <field path>: <what was expected>`.
 *
 * @public
 */
export class ControlsParseError extends Error {
  readonly source: string;
  readonly problems: string[];

  constructor(options: { source: string; problems: string[] }) {
    super(options.problems.map(p => `${options.source}: ${p}`).join('\n'));
    this.name = 'ControlsParseError';
    this.source = options.source;
    this.problems = options.problems;
  }
}
