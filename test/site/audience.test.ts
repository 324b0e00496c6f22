import { describe, expect, it } from 'vitest';
import { audienceFromEnvironment, audienceLocation, internalOnlyRefusal } from '../../src/site/audience.ts';
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

describe('internalOnlyRefusal', () => {
  it('stops a command that reads the internal report in a public job', () => {
    expect(internalOnlyRefusal('pdf', { OPSLEDGER_AUDIENCE: 'public' })).toMatch(/^pdf reads the internal report; OPSLEDGER_AUDIENCE=public builds the public status page/);
    expect(internalOnlyRefusal('diff', { OPSLEDGER_AUDIENCE: 'everyone' })).toBe('OPSLEDGER_AUDIENCE=everyone is refused: expected internal or public');
    expect(internalOnlyRefusal('pdf', {})).toBeNull();
    expect(internalOnlyRefusal('mail', { OPSLEDGER_AUDIENCE: 'internal' })).toBeNull();
  });
});
