// The report's "as of" instant: fixed by OPSLEDGER_AS_OF for reproducible builds, else the build time.
import { parseTimestamp } from '../schema/zod.ts';

/**
 * Parses OPSLEDGER_AS_OF with the records' own timestamp rule (a real date and time with its offset, so
 * 2026-02-30 is refused rather than read as 2 March); the clock is read here, at the edge, never in the core.
 * Every command that needs "now" (the build, `diff`, `new`) takes it from here, so a test fixes it with one variable.
 *
 * @example asOfFromEnvironment({ OPSLEDGER_AS_OF: '2026-11-24T12:00:00Z' }) // 1795521600000
 */
export function asOfFromEnvironment(env: NodeJS.ProcessEnv = process.env, now: () => number = Date.now): number {
  const text = env.OPSLEDGER_AS_OF;
  if (text === undefined || text === '') return now();
  const parsed = parseTimestamp(text);
  if (!parsed.ok) throw new Error(`OPSLEDGER_AS_OF=${text} is refused: ${parsed.message}`);
  return parsed.value;
}
