// The command line of the commands that act on one report month (`npm run pdf`, `npm run mail`), read with
// Node's own parseArgs: one YYYY-MM, on/off flags and options that take a value (`--out f` or `--out=f`).
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { isMonth } from '../core/period.ts';

/** A command line that cannot be run: printed with the usage line, exit status 2. */
export class UsageError extends Error {}

export interface MonthArguments<Flag extends string, Option extends string> {
  month: string;
  flags: Record<Flag, boolean>;
  options: Partial<Record<Option, string>>;
}

/**
 * Reads `args` as one month plus the given flags and value options; anything else is a UsageError carrying `usage`.
 *
 * @example monthArguments(['2026-10', '--summary', '--out=r.pdf'], ['summary'], ['out', 'dist'], usage)
 * // { month: '2026-10', flags: { summary: true }, options: { out: 'r.pdf' } }
 */
export function monthArguments<const Flag extends string, const Option extends string>(
  args: readonly string[],
  flagNames: readonly Flag[],
  optionNames: readonly Option[],
  usage: string,
): MonthArguments<Flag, Option> {
  const optionsConfig: ParseArgsOptionsConfig = {};
  for (const name of flagNames) optionsConfig[name] = { type: 'boolean' };
  for (const name of optionNames) optionsConfig[name] = { type: 'string' };
  let parsed: { values: Record<string, unknown>; positionals: string[] };
  try {
    parsed = parseArgs({ args: [...args], allowPositionals: true, strict: true, options: optionsConfig });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${usage}`);
  }
  const [month, ...more] = parsed.positionals;
  if (month === undefined) throw new UsageError(usage);
  if (more.length > 0) throw new UsageError(`one month only, got "${month}" and "${more[0]}"\n${usage}`);
  if (!isMonth(month)) throw new UsageError(`"${month}" is not a month as YYYY-MM\n${usage}`);
  const values = parsed.values as Record<string, string | boolean | undefined>;
  const flags = Object.fromEntries(flagNames.map((name) => [name, values[name] === true])) as Record<Flag, boolean>;
  const options: Partial<Record<Option, string>> = {};
  for (const name of optionNames) {
    const value = values[name];
    if (typeof value === 'string') options[name] = value;
  }
  return { month, flags, options };
}
