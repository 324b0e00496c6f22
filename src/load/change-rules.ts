// The change rules in words, written once: the change pages show what a broken rule means for the change, and
// `npm run check` shows the same words at the field that breaks it, with how to mend it. The record stays valid
// and keeps its place on the pages and in the JSON.
import { changeViolations, leadDays, type ChangeRequest, type ChangeViolation } from '../core/changes.ts';
import type { FieldPath } from './diagnostics.ts';
import { nounFor } from './words.ts';

/** A broken change rule: the field to point at, the rule and what it means for this change. */
export interface ChangeRuleFinding {
  field: FieldPath;
  rule: ChangeViolation;
  message: string;
}

type RuledChange = Pick<ChangeRequest, 'type' | 'risk' | 'cab' | 'approvals' | 'releasesCode' | 'submitted' | 'plannedStart'>;

/**
 * A lead time in days, truncated to a tenth so a change just under the limit never reads as meeting it.
 *
 * @example leadDaysText(4.99) // '4.9 days'
 */
export function leadDaysText(days: number): string {
  const tenths = Math.trunc(days * 10 + (days < 0 ? -1e-9 : 1e-9)) / 10;
  return `${tenths.toFixed(1)} ${nounFor(tenths, 'day')}`;
}

/** A broken rule in words: what it means for the change (`text`, on the pages), and where it is set or how to mend it (`remedy`, for the author). */
interface RuleWords {
  text: string;
  remedy: string;
}

function ruleWords(rule: ChangeViolation, change: RuledChange, changeLeadDays: number): RuleWords {
  if (rule === 'lead-time') {
    return { text: `lead time ${leadDaysText(leadDays(change))}, under the ${changeLeadDays} days a normal change needs`, remedy: ' (changeLeadDays in data/site.yaml)' };
  }
  if (rule === 'bau-releases-code') {
    return { text: 'a bau change must not release code', remedy: ': make it a normal or standard change, or set releasesCode: false if it ships none' };
  }
  const missing = [change.cab ? '' : 'CAB review', change.approvals.length > 0 ? '' : 'approval'].filter(Boolean).join(' and ');
  return { text: `high risk without ${missing}`, remedy: ': a high-risk change needs cab: true and at least one approval' };
}

/** The field each rule is shown at. */
const ruleField: Record<ChangeViolation, FieldPath> = {
  'lead-time': ['submitted'],
  'bau-releases-code': ['releasesCode'],
  'high-risk-unapproved': ['risk'],
};

/**
 * What each rule `change` breaks means for it, in the core's order (`changeViolations`): the words of the change pages.
 *
 * @example changeRuleTexts({ type: 'bau', releasesCode: true, risk: 'low', cab: false, approvals: [], submitted: 0, plannedStart: 0 }, 5)
 * // [{ rule: 'bau-releases-code', text: 'a bau change must not release code' }]
 */
export function changeRuleTexts(change: RuledChange, changeLeadDays: number): { rule: ChangeViolation; text: string }[] {
  return changeViolations(change, changeLeadDays).map((rule) => ({ rule, text: ruleWords(rule, change, changeLeadDays).text }));
}

/**
 * The change rules `change` breaks (core `changeViolations`, same order), each with the field to annotate.
 *
 * @example changeRuleFindings({ type: 'bau', releasesCode: true, risk: 'low', cab: false, approvals: [], submitted: 0, plannedStart: 0 }, 5)
 * // [{ field: ['releasesCode'], rule: 'bau-releases-code', message: 'a bau change must not release code: …' }]
 */
export function changeRuleFindings(change: RuledChange, changeLeadDays: number): ChangeRuleFinding[] {
  return changeViolations(change, changeLeadDays).map((rule) => {
    const words = ruleWords(rule, change, changeLeadDays);
    return { field: ruleField[rule], rule, message: `${words.text}${words.remedy}` };
  });
}
