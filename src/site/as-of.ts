// The report's "as of" instant: fixed by OPSLEDGER_AS_OF for reproducible builds, else the build time.
/** Parses OPSLEDGER_AS_OF (an ISO instant with offset); the clock is read here, at the edge, never in the core. */
export function asOfFromEnvironment(env: NodeJS.ProcessEnv = process.env, now: () => number = Date.now): number {
  const text = env.OPSLEDGER_AS_OF;
  if (text === undefined || text === '') return now();
  if (!/(Z|[+-]\d{2}:\d{2})$/.test(text) || Number.isNaN(Date.parse(text))) {
    throw new Error(`OPSLEDGER_AS_OF="${text}" is not an ISO instant with offset, e.g. 2026-11-24T12:00:00Z`);
  }
  return Date.parse(text);
}
