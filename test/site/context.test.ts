import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/load/diagnostics.ts';
import { contextOf, createBuildContext, memoise } from '../../src/site/context.ts';
import { recordIndex, reportMonthPaths, reportMonths, siteInfo } from '../../src/site/model.ts';
import { projectRoot } from '../helpers/build-site.ts';
import { minimalAsOf, minimalContext } from '../helpers/minimal-context.ts';

describe('createBuildContext', () => {
  it('loads the content root through the loader and keeps the as-of instant and settings', () => {
    const ctx = minimalContext();
    expect(ctx.asOfMs).toBe(Date.parse(minimalAsOf));
    expect(ctx.site).toBe(ctx.repository.site);
    expect(ctx.site.title).toBe('Reference Corp');
    expect(ctx.repository.incidents.map((i) => i.id)).toEqual(['INC-2026-0001', 'INC-2026-0002']);
  });

  it('refuses invalid content with every located error', () => {
    const bad = path.join(projectRoot, 'test/fixtures/bad/bad-enum');
    expect(() => createBuildContext(bad, Date.parse(minimalAsOf))).toThrow(ValidationError);
  });
});

describe('memoise', () => {
  it('computes a value once per context, and each context has its own', () => {
    const a = minimalContext();
    const b = contextOf(a.repository, a.asOfMs);
    let calls = 0;
    const compute = () => ({ n: ++calls });
    const first = memoise(a, 'test.value', compute);
    expect(memoise(a, 'test.value', compute)).toBe(first);
    expect(calls).toBe(1);
    expect(memoise(b, 'test.value', compute)).not.toBe(first);
    expect(calls).toBe(2);
  });

  it('memoises undefined as a value, not as "not yet computed"', () => {
    const ctx = minimalContext();
    let calls = 0;
    const countCall = (): undefined => {
      calls++;
    };
    memoise(ctx, 'test.undefined', countCall);
    memoise(ctx, 'test.undefined', countCall);
    expect(calls).toBe(1);
  });
});

describe('model accessors', () => {
  it('report months run from the first record to the as-of month; a later as-of gives more months', () => {
    expect(reportMonths(minimalContext())).toEqual(['2026-03', '2026-04']);
    expect(reportMonths(minimalContext('2026-06-01T12:00:00Z'))).toEqual(['2026-03', '2026-04', '2026-05', '2026-06']);
  });

  it('indexes records by id and links incidents to the change that caused them and the post-mortems that review them', () => {
    const index = recordIndex(minimalContext());
    expect(index.incidents.get('INC-2026-0002')?.title).toBe('Settlement database failover after patch');
    expect(index.incidentsByChange.get('CHG-2026-0001')).toEqual(['INC-2026-0002']);
    expect(index.postmortemsByIncident.get('INC-2026-0002')).toEqual(['PM-2026-0001']);
    expect(index.postmortemsByIncident.get('INC-2026-0001')).toBeUndefined();
  });

  it('site info states the as-of instant in the reporting zone', () => {
    expect(siteInfo(minimalContext())).toEqual({
      title: 'Reference Corp',
      baseUrl: 'https://example.org/',
      reportingTimezone: 'UTC',
      asOfIso: '2026-04-10T00:00:00.000Z',
      asOfText: '2026-04-10 00:00 UTC',
    });
  });
});

describe('reportMonthPaths', () => {
  it('gives one static path per report month', () => {
    expect(reportMonthPaths(minimalContext())).toEqual([{ params: { month: '2026-03' } }, { params: { month: '2026-04' } }]);
  });
});
