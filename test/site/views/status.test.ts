// The public status page's overview on the minimal fixture: what it says with no published service, and what a
// published service's open incident without public text makes it say.
import { describe, expect, it } from 'vitest';
import { contextOf } from '../../../src/site/context.ts';
import { statusOverview } from '../../../src/site/views/status.ts';
import { bannerText, investigatingText, noServiceBannerText } from '../../../src/site/words/status.ts';
import { minimalContext, reopened } from '../../helpers/minimal-context.ts';

/** The minimal fixture with Settlement published as "Settlement service", its first incident open, as of `asOf`. */
function publishedContext(asOf: string, { open }: { open: boolean }) {
  const { repository } = minimalContext(asOf);
  const site = { ...repository.site, public: { title: 'Reference status', support: 'support@example.org', applications: [{ id: 'settlement', name: 'Settlement service' }] } };
  const incidents = repository.incidents.map((incident) => (open && incident.id === 'INC-2026-0001' ? reopened(incident) : incident));
  return contextOf({ ...repository, site, incidents }, Date.parse(asOf));
}

describe('statusOverview', () => {
  it('claims no status while no service is published', () => {
    const page = statusOverview(minimalContext());
    expect(page.applications).toEqual([]);
    expect(page.bannerText).toBe(noServiceBannerText);
    expect(page.bannerText).not.toBe(bannerText.operational);
  });

  it('says all systems operational for a published service with nothing open', () => {
    const page = statusOverview(publishedContext('2026-04-10T00:00:00Z', { open: false }));
    expect(page.applications.map((app) => [app.id, app.name, app.status])).toEqual([['settlement', 'Settlement service', 'operational']]);
    expect(page.bannerText).toBe(bannerText.operational);
  });

  it('shows an open incident without public text as an investigation, with its start and nothing else', () => {
    const page = statusOverview(publishedContext('2026-03-09T11:00:00Z', { open: true }));
    expect(page.investigating).toEqual([{ startedMs: Date.parse('2026-03-09T10:30:00Z'), startedIso: '2026-03-09T10:30:00.000Z', startedText: '2026-03-09 10:30 UTC', text: investigatingText }]);
    expect(page.applications[0]!.status).not.toBe('operational');
    expect(page.bannerText).not.toBe(bannerText.operational);
    expect(JSON.stringify(page)).not.toContain('Settlement batch stalled');
  });
});
