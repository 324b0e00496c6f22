// The build-level entry points of the feed and time views, on the minimal fixture.
import { describe, expect, it } from 'vitest';
import { incidentFeed } from '../../../src/site/views/feed.ts';
import { timeContextOfBuild } from '../../../src/site/views/time-context.ts';
import { minimalContext } from '../../helpers/minimal-context.ts';

describe('incidentFeed', () => {
  it('lists the incidents newest first, dated by the as-of instant', () => {
    const xml = incidentFeed(minimalContext());
    expect(xml).toContain('<lastBuildDate>Fri, 10 Apr 2026 00:00:00 GMT</lastBuildDate>');
    const titles = [...xml.matchAll(/<item>\n<title>([^<]+)<\/title>/g)].map((m) => m[1]);
    expect(titles).toEqual(['INC-2026-0002 [SEV3, resolved] Settlement database failover after patch', 'INC-2026-0001 [SEV2, resolved] Settlement batch stalled']);
  });
});

describe('timeContextOfBuild', () => {
  it("is made once per build context from the repository's settings and as-of instant", () => {
    const ctx = minimalContext();
    const time = timeContextOfBuild(ctx);
    expect(timeContextOfBuild(ctx)).toBe(time);
    expect(timeContextOfBuild(minimalContext())).not.toBe(time);
    expect(time.asOfMs).toBe(ctx.asOfMs);
    expect(time.fteHoursPerMonth).toBe(140);
  });
});
