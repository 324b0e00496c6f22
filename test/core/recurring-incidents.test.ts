import { describe, expect, it } from 'vitest';
import { daysBefore } from '../../src/core/recurrence.ts';
import { recurringIncidentsWithoutProblem, type IncidentOccurrence, type ProblemCoverage } from '../../src/core/recurring-incidents.ts';

const DAY_MS = 86_400_000;

describe('recurringIncidentsWithoutProblem', () => {
  const start = Date.UTC(2026, 6, 1, 9);
  const everything = { fromMs: 0, toMs: Date.UTC(2030, 0, 1) };
  function incident(id: string, dayOffset: number, overrides: Partial<IncidentOccurrence> = {}): IncidentOccurrence {
    return { id, applications: ['settlement'], component: 'batch', started: start + dayOffset * DAY_MS, ...overrides };
  }

  it('flags exactly three incidents on one component within 90 days', () => {
    const issues = recurringIncidentsWithoutProblem([incident('INC-1', 0), incident('INC-2', 40), incident('INC-3', 89)], [], everything);
    expect(issues).toEqual([
      {
        application: 'settlement',
        component: 'batch',
        key: 'settlement/batch',
        incidents: ['INC-1', 'INC-2', 'INC-3'],
        firstStartedMs: start,
        lastStartedMs: start + 89 * DAY_MS,
      },
    ]);
  });

  it('does not flag three incidents spread over 91 calendar days', () => {
    expect(recurringIncidentsWithoutProblem([incident('INC-1', 0), incident('INC-2', 45), incident('INC-3', 90)], [], everything)).toEqual([]);
    expect(recurringIncidentsWithoutProblem([incident('INC-1', 0), incident('INC-2', 45), incident('INC-3', 120)], [], everything)).toEqual([]);
  });

  it('does not flag two incidents, nor three on different components or applications', () => {
    expect(recurringIncidentsWithoutProblem([incident('INC-1', 0), incident('INC-2', 1)], [], everything)).toEqual([]);
    const mixed = [incident('INC-1', 0), incident('INC-2', 1, { component: 'db' }), incident('INC-3', 2, { applications: ['payments'] })];
    expect(recurringIncidentsWithoutProblem(mixed, [], everything)).toEqual([]);
  });

  it('does not flag incidents a problem ticket covers, by either side of the link', () => {
    const three = [incident('INC-1', 0), incident('INC-2', 10), incident('INC-3', 20)];
    const listed: ProblemCoverage[] = [{ id: 'PRB-1', incidents: ['INC-2'] }];
    expect(recurringIncidentsWithoutProblem(three, listed, everything)).toEqual([]);
    const named = [incident('INC-1', 0), incident('INC-2', 10, { problem: 'PRB-1' }), incident('INC-3', 20)];
    expect(recurringIncidentsWithoutProblem(named, [], everything)).toEqual([]);
  });

  it('still flags a cluster with three uncovered incidents beside a covered one', () => {
    const four = [incident('INC-1', 0), incident('INC-2', 10), incident('INC-3', 20), incident('INC-4', 30)];
    const issues = recurringIncidentsWithoutProblem(four, [{ id: 'PRB-1', incidents: ['INC-2'] }], everything);
    expect(issues.map((i) => i.incidents)).toEqual([['INC-1', 'INC-3', 'INC-4']]);
  });

  it('lists only the incidents inside a qualifying window', () => {
    const history = [incident('INC-0', -200), incident('INC-1', 0), incident('INC-2', 30), incident('INC-3', 60), incident('INC-9', 400)];
    expect(recurringIncidentsWithoutProblem(history, [], everything)[0]?.incidents).toEqual(['INC-1', 'INC-2', 'INC-3']);
  });

  it('counts an incident on several applications for each of them', () => {
    const shared = [0, 5, 10].map((day, i) => incident(`INC-${i}`, day, { applications: ['settlement', 'payments'] }));
    expect(recurringIncidentsWithoutProblem(shared, [], everything).map((i) => i.key)).toEqual(['payments/batch', 'settlement/batch']);
  });

  it('looks only at the range: the 90 days before the as-of instant, or up to a month end', () => {
    const three = [incident('INC-1', 0), incident('INC-2', 10), incident('INC-3', 20)];
    const asOf = start + 95 * DAY_MS;
    expect(recurringIncidentsWithoutProblem(three, [], daysBefore(asOf, 90))).toEqual([]);
    expect(recurringIncidentsWithoutProblem(three, [], daysBefore(start + 85 * DAY_MS, 90))).toHaveLength(1);
    const july = { fromMs: Date.UTC(2026, 6, 1), toMs: Date.UTC(2026, 7, 1) };
    expect(recurringIncidentsWithoutProblem(three, [], july)).toHaveLength(1);
  });

  it('orders issues by incident count, then latest incident', () => {
    const issues = recurringIncidentsWithoutProblem(
      [
        ...[0, 1, 2].map((d) => incident(`A-${d}`, d, { component: 'api' })),
        ...[0, 1, 2, 3].map((d) => incident(`B-${d}`, d, { component: 'db' })),
        ...[5, 6, 7].map((d) => incident(`C-${d}`, d, { component: 'batch' })),
      ],
      [],
      everything,
    );
    expect(issues.map((i) => i.key)).toEqual(['settlement/db', 'settlement/batch', 'settlement/api']);
  });
});
