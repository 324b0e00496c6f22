// The alert rows' shortcut must agree with alertRowSchema: the same row when valid, null whenever the schema objects.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alertRowOf, alertRowSchema } from '../../src/schema/index.ts';

const cell = (good: readonly string[], bad: readonly string[]) => fc.oneof(fc.constantFrom(...good), fc.constantFrom(...bad), fc.string({ maxLength: 12 }));

const rows = fc.record({
  at: cell(['2026-03-09T10:31:00Z', '2026-03-09T10:31:00-04:00', '2024-02-29T23:59Z'], ['2026-03-09T10:31:00', '2026-02-29T00:00:00Z', '']),
  application: cell(['settlement', 'client-portal'], ['Settlement', '', 'a b']),
  component: cell(['batch', 'db-1'], ['Batch', '']),
  layer: cell(['machine', 'application', 'business', 'middleware'], ['network', '']),
  rule: cell(['cpu-high', ' cpu high ', 'x'], ['', '   ']),
  severity: cell(['critical', 'warning'], ['major', 'Critical']),
  outcome: cell(['actionable', 'false-positive', 'duplicate', 'unknown'], ['noise', '']),
  incident: cell(['', 'INC-2026-0001'], ['INC-2026-001', 'CHG-2026-0001', 'INC-2026-00001']),
});

describe('alertRowOf', () => {
  it('returns what alertRowSchema returns, or null where the schema reports a problem', () => {
    fc.assert(
      fc.property(rows, fc.boolean(), (named, withIncident) => {
        const input: Record<string, string> = { ...named };
        if (!withIncident) delete input.incident;
        const fast = alertRowOf(input);
        const full = alertRowSchema.safeParse(input);
        if (fast !== null) expect(full.success && full.data).toEqual(fast);
        else expect(full.success).toBe(false);
      }),
      { numRuns: 5_000 },
    );
  });
});
