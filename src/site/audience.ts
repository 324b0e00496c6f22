// Who a build is for: the whole internal report, or the public status page. Read at the edge (config, CLI),
// from OPSLEDGER_AUDIENCE, and passed on; the default is the internal report, which is never published to the
// open internet by default (see the deploy workflow).
import type { SiteConfig } from '../schema/index.ts';

export const audiences = ['internal', 'public'] as const;
export type Audience = (typeof audiences)[number];

/**
 * OPSLEDGER_AUDIENCE as an audience; unset or empty is `internal`, anything else is refused.
 *
 * @example audienceFromEnvironment({ OPSLEDGER_AUDIENCE: 'public' }) // 'public'
 */
export function audienceFromEnvironment(env: NodeJS.ProcessEnv = process.env): Audience {
  const text = env.OPSLEDGER_AUDIENCE;
  if (text === undefined || text === '') return 'internal';
  if ((audiences as readonly string[]).includes(text)) return text as Audience;
  throw new Error(`OPSLEDGER_AUDIENCE=${text} is refused: expected internal or public`);
}

/** Where a build of `audience` is served: the public block's baseUrl and base when given, else the site's own. */
export function audienceLocation(site: SiteConfig, audience: Audience): { baseUrl: string; base: string } {
  if (audience === 'internal') return { baseUrl: site.baseUrl, base: site.base };
  return { baseUrl: site.public?.baseUrl ?? site.baseUrl, base: site.public?.base ?? site.base };
}

/**
 * Why a command that reads the internal report (pdf, mail, diff) refuses to run in a public job, or null: an
 * environment that asks for the public audience gets a message rather than internal figures printed quietly.
 *
 * @example internalOnlyRefusal('pdf', { OPSLEDGER_AUDIENCE: 'public' }) // 'pdf reads the internal report; …'
 */
export function internalOnlyRefusal(command: string, env: NodeJS.ProcessEnv = process.env): string | null {
  let audience: Audience;
  try {
    audience = audienceFromEnvironment(env);
  } catch (error) {
    return (error as Error).message;
  }
  if (audience === 'internal') return null;
  return `${command} reads the internal report; OPSLEDGER_AUDIENCE=public builds the public status page, which has no report. Run it with OPSLEDGER_AUDIENCE=internal (or unset).`;
}

/** Ends a command that reads the internal report, with exit status 2, when the environment asks for the public audience. */
export function exitUnlessInternal(command: string): void {
  const refusal = internalOnlyRefusal(command);
  if (refusal === null) return;
  console.error(refusal);
  process.exit(2);
}
