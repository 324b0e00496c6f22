// Each broken change rule becomes one finding at the field that breaks it, in the core's order and only then.
import { describe, expect, it } from 'vitest';
import { changeRuleFindings } from '../../src/load/change-rules.ts';

const day = 86_400_000;
const kept = { type: 'normal', risk: 'low', cab: false, approvals: [], releasesCode: true, submitted: 0, plannedStart: 5 * day } as const;

describe('changeRuleFindings', () => {
  it('finds nothing in a change that keeps every rule, a lead time of exactly the limit included', () => {
    expect(changeRuleFindings(kept, 5)).toEqual([]);
  });

  it('points a short lead time at submitted, never rounded up to the limit', () => {
    expect(changeRuleFindings({ ...kept, plannedStart: 4.99 * day }, 5)).toEqual([
      { field: ['submitted'], rule: 'lead-time', message: 'lead time 4.9 days, under the 5 days a normal change needs (changeLeadDays in data/site.yaml)' },
    ]);
  });

  it('points a bau change that releases code at releasesCode, and leaves lead time to normal changes', () => {
    expect(changeRuleFindings({ ...kept, type: 'bau', plannedStart: 0 }, 5)).toEqual([
      { field: ['releasesCode'], rule: 'bau-releases-code', message: 'a bau change must not release code: make it a normal or standard change, or set releasesCode: false if it ships none' },
    ]);
  });

  it.each([
    [{ cab: false, approvals: [] }, 'high risk without CAB review and approval: a high-risk change needs cab: true and at least one approval'],
    [{ cab: true, approvals: [] }, 'high risk without approval: a high-risk change needs cab: true and at least one approval'],
    [{ cab: false, approvals: [{ by: 'Ops Manager', at: 0 }] }, 'high risk without CAB review: a high-risk change needs cab: true and at least one approval'],
  ])('points a high-risk change without both at risk (%j)', (review, message) => {
    expect(changeRuleFindings({ ...kept, risk: 'high', ...review }, 5)).toEqual([{ field: ['risk'], rule: 'high-risk-unapproved', message }]);
  });

  it('lists several broken rules of one change in the order the pages do', () => {
    const findings = changeRuleFindings({ ...kept, risk: 'high', plannedStart: day }, 5);
    expect(findings.map((f) => f.rule)).toEqual(['lead-time', 'high-risk-unapproved']);
  });
});
