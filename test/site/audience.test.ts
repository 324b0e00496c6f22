import { describe, expect, it } from 'vitest';
import { audienceFromEnvironment, audienceLocation, requireInternalAudience } from '../../src/site/audience.ts';
import { siteSchema } from '../../src/schema/index.ts';

describe('audienceFromEnvironment', () => {
  it('defaults to the internal report and reads public', () => {
    expect(audienceFromEnvironment({})).toBe('internal');
    expect(audienceFromEnvironment({ OPSLEDGER_AUDIENCE: '' })).toBe('internal');
    expect(audienceFromEnvironment({ OPSLEDGER_AUDIENCE: 'public' })).toBe('public');
  });

  it('refuses anything else rather than guess', () => {
    expect(() => audienceFromEnvironment({ OPSLEDGER_AUDIENCE: 'Public' })).toThrow('OPSLEDGER_AUDIENCE=Public is refused: expected internal or public');
  });
});

describe('audienceLocation', () => {
  const site = siteSchema.parse({ title: 'Ops', baseUrl: 'https://ops.example.org/', base: '/ops/', public: { title: 'Status', baseUrl: 'https://status.example.org/' } });
  it('serves the status page where the public block says, its base defaulting to the site one', () => {
    expect(audienceLocation(site, 'public')).toEqual({ baseUrl: 'https://status.example.org/', base: '/ops/' });
    expect(audienceLocation(site, 'internal')).toEqual({ baseUrl: 'https://ops.example.org/', base: '/ops/' });
  });
});

describe('requireInternalAudience', () => {
  it('stops a command that reads the internal report in a public job', () => {
    expect(() => requireInternalAudience('pdf', { OPSLEDGER_AUDIENCE: 'public' })).toThrow(/^pdf reads the internal report/);
    expect(() => requireInternalAudience('pdf', {})).not.toThrow();
  });
});
