// The change rules as warnings at the field that breaks them: the record stays valid and keeps its place on
// the pages and in the JSON, and `npm run check` shows the author where the rule is broken.
import { changeViolations, leadDays, type ChangeRequest, type ChangeViolation } from '../core/changes.ts';
import { leadDaysText } from '../site/format.ts';
import type { FieldPath } from './diagnostics.ts';

/** A broken change rule: the field to point at, the rule and what it means for this change. */
export interface ChangeRuleFinding {
  field: FieldPath;
  rule: ChangeViolation;
  message: string;
}

type RuledChange = Pick<ChangeRequest, 'type' | 'risk' | 'cab' | 'approvals' | 'releasesCode' | 'submitted' | 'plannedStart'>;

/**
 * The change rules `change` breaks (core `changeViolations`, same order), each with the field to annotate.
 *
 * @example changeRuleFindings({ type: 'bau', releasesCode: true, risk: 'low', cab: false, approvals: [], submitted: 0, plannedStart: 0 }, 5)
 * // [{ field: ['releasesCode'], rule: 'bau-releases-code', message: 'a bau change must not release code: …' }]
 */
export function changeRuleFindings(change: RuledChange, changeLeadDays: number): ChangeRuleFinding[] {
  return changeViolations(change, changeLeadDays).map((rule) => {
    if (rule === 'lead-time') {
      return {
        field: ['submitted'],
        rule,
        message: `lead time ${leadDaysText(leadDays(change))}, under the ${changeLeadDays} days a normal change needs (changeLeadDays in data/site.yaml)`,
      };
    }
    if (rule === 'bau-releases-code') {
      return { field: ['releasesCode'], rule, message: 'a bau change must not release code: make it a normal or standard change, or set releasesCode: false if it ships none' };
    }
    const missing = [change.cab ? '' : 'CAB review', change.approvals.length > 0 ? '' : 'approval'].filter(Boolean).join(' and ');
    return { field: ['risk'], rule, message: `high risk without ${missing}: a high-risk change needs cab: true and at least one approval` };
  });
}
