// The home page's view on the minimal fixture: the month shown follows the as-of instant.
import { describe, expect, it } from 'vitest';
import { contextOf } from '../../../src/site/context.ts';
import { overviewPage } from '../../../src/site/views/overview.ts';
import { minimalContext, reopened } from '../../helpers/minimal-context.ts';

describe('overviewPage', () => {
  it('shows April to date, with no incident yet, as green', () => {
    const page = overviewPage(minimalContext());
    expect(page).toMatchObject({ month: '2026-04', monthTitle: 'April 2026', reportHref: '/reports/2026-04/', portfolioText: '100.00 %' });
    expect(page.applications).toEqual([{ id: 'settlement', name: 'Settlement', href: '/applications/settlement/', status: 'green', availabilityText: '100.00 %', targetText: '99.5 %', consumedText: '0.0 %' }]);
    expect(page.latest.map((i) => i.id)).toEqual(['INC-2026-0002', 'INC-2026-0001']);
  });

  it('shows March, complete, at the first instant of April: below target, red', () => {
    const page = overviewPage(minimalContext('2026-04-01T00:00:00Z'));
    expect(page.month).toBe('2026-03');
    // 1 − 90 / 15,810 = 99.431 %, shown truncated to two decimals.
    expect(page.applications[0]).toMatchObject({ status: 'red', availabilityText: '99.43 %' });
  });

  it('lists the SEV1 and SEV2 incidents not yet resolved, with their duration so far', () => {
    const base = minimalContext('2026-03-09T12:30:00Z');
    expect(overviewPage(base).openSerious).toEqual([]);
    const incidents = base.repository.incidents.map((i) => (i.id === 'INC-2026-0001' ? reopened(i, 'monitoring') : i));
    const page = overviewPage(contextOf({ ...base.repository, incidents }, base.asOfMs));
    expect(page.openSerious.map((i) => [i.id, i.durationText])).toEqual([['INC-2026-0001', '2 h 0 min so far']]);
  });
});
