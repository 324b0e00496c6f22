import { describe, expect, it } from 'vitest';
import {
  actionCompletion,
  actionsDueThisWeek,
  ageingBuckets,
  isProblemOpen,
  overdueActions,
  problemAgeDays,
  problemBacklog,
  problemMonth,
  problemsInReviewOrder,
  reviewAgenda,
  trailingMonths,
  wasOpenAtEndOf,
} from '../../src/core/problems.ts';
import { addDays } from '../../src/core/period.ts';
import type { ProblemAction, ProblemTicket } from '../../src/core/problems.ts';

function problem(overrides: Partial<ProblemTicket> & { id: string }): ProblemTicket {
  return { title: `Problem ${overrides.id}`, priority: 'P3', status: 'open', opened: '2026-01-01', owner: 'ops', actions: [], ...overrides };
}

function action(due: string, done = false, title = `Action due ${due}`): ProblemAction {
  return { title, owner: 'Ana', due, done };
}

describe('open and age', () => {
  it('counts open, investigating and known-error as open', () => {
    expect(isProblemOpen({ status: 'open' })).toBe(true);
    expect(isProblemOpen({ status: 'investigating' })).toBe(true);
    expect(isProblemOpen({ status: 'known-error' })).toBe(true);
    expect(isProblemOpen({ status: 'resolved' })).toBe(false);
    expect(isProblemOpen({ status: 'closed' })).toBe(false);
  });

  it('ages an open ticket to the as-of date and a closed one to its closing date', () => {
    expect(problemAgeDays({ opened: '2026-08-26', closed: undefined }, '2026-11-24')).toBe(90);
    expect(problemAgeDays({ opened: '2026-08-26', closed: '2026-09-05' }, '2026-11-24')).toBe(10);
    expect(problemAgeDays({ opened: '2026-11-24', closed: undefined }, '2026-11-24')).toBe(0);
  });

  it('is in the backlog at the end of a day from its opening day until the day it closes', () => {
    const p = { opened: '2026-09-10', closed: '2026-10-02' };
    expect(wasOpenAtEndOf(p, '2026-09-09')).toBe(false);
    expect(wasOpenAtEndOf(p, '2026-09-10')).toBe(true);
    expect(wasOpenAtEndOf(p, '2026-10-01')).toBe(true);
    expect(wasOpenAtEndOf(p, '2026-10-02')).toBe(false);
  });
});

const tickets: ProblemTicket[] = [
  problem({ id: 'PRB-2026-0001', opened: '2026-03-15', status: 'closed', closed: '2026-09-30' }),
  problem({ id: 'PRB-2026-0002', opened: '2026-05-20', status: 'known-error' }),
  problem({ id: 'PRB-2026-0003', opened: '2026-08-31', status: 'resolved', closed: '2026-10-01' }),
  problem({ id: 'PRB-2026-0004', opened: '2026-09-01', status: 'investigating' }),
  problem({ id: 'PRB-2026-0005', opened: '2026-09-30', status: 'open' }),
  problem({ id: 'PRB-2026-0006', opened: '2026-11-02', status: 'open' }),
];

describe('problemBacklog at month ends', () => {
  it('counts opened and closed in each month and the backlog at its last day', () => {
    expect(problemBacklog(tickets, ['2026-08', '2026-09', '2026-10', '2026-11'], '2026-11-24')).toEqual([
      // end of August: 0001, 0002, 0003 (opened on the 31st)
      { month: '2026-08', opened: 1, closed: 0, open: 3 },
      // 0001 closed on the 30th is out; 0005 opened on the 30th is in
      { month: '2026-09', opened: 2, closed: 1, open: 4 },
      { month: '2026-10', opened: 0, closed: 1, open: 3 },
      { month: '2026-11', opened: 1, closed: 0, open: 4 },
    ]);
  });

  it('counts the current month only up to the as-of date', () => {
    const future = [...tickets, problem({ id: 'PRB-2026-0007', opened: '2026-11-28' })];
    expect(problemBacklog(future, ['2026-11'], '2026-11-24')).toEqual([{ month: '2026-11', opened: 1, closed: 0, open: 4 }]);
  });

  it('handles February in a leap year', () => {
    const leap = [problem({ id: 'PRB-2028-0001', opened: '2028-02-29' })];
    expect(problemBacklog(leap, ['2028-02'], '2028-12-31')).toEqual([{ month: '2028-02', opened: 1, closed: 0, open: 1 }]);
  });

  it('lists the trailing 18 months oldest first', () => {
    const months = trailingMonths('2026-11', 18);
    expect(months).toHaveLength(18);
    expect(months[0]).toBe('2025-06');
    expect(months[17]).toBe('2026-11');
  });
});

describe('ageingBuckets', () => {
  it('buckets the backlog at a month end by age 0–30, 31–90, 91–180, over 180 days', () => {
    const buckets = ageingBuckets(tickets, '2026-09-30');
    expect(buckets.map((b) => [b.label, b.problems])).toEqual([
      ['0–30 days', ['PRB-2026-0003', 'PRB-2026-0004', 'PRB-2026-0005']],
      ['31–90 days', []],
      ['91–180 days', ['PRB-2026-0002']],
      ['over 180 days', []],
    ]);
  });

  it('puts exactly 30, 90 and 180 days in the lower bucket and 181 in the last', () => {
    const asOf = '2026-11-24';
    const aged = [30, 31, 90, 91, 180, 181].map((days, i) => problem({ id: `PRB-2026-01${String(i).padStart(2, '0')}`, opened: addDays(asOf, -days) }));
    expect(ageingBuckets(aged, asOf).map((b) => b.count)).toEqual([1, 2, 2, 1]);
    expect(ageingBuckets(aged, asOf)[3]?.problems).toEqual(['PRB-2026-0105']);
  });

  it('is empty for an empty backlog', () => {
    expect(ageingBuckets([], '2026-11-24').map((b) => b.count)).toEqual([0, 0, 0, 0]);
  });
});

describe('actions', () => {
  const withActions = [
    problem({ id: 'PRB-2026-0010', priority: 'P2', actions: [action('2026-11-23'), action('2026-11-24'), action('2026-11-30'), action('2026-12-01'), action('2026-11-01', true)] }),
    problem({ id: 'PRB-2026-0011', priority: 'P1', status: 'closed', opened: '2026-01-01', closed: '2026-06-01', actions: [action('2026-05-01')] }),
  ];

  it('is overdue when not done and due before the as-of date; due today is not overdue', () => {
    const overdue = overdueActions(withActions, '2026-11-24');
    expect(overdue.map((a) => [a.problemId, a.due, a.daysOverdue])).toEqual([
      ['PRB-2026-0011', '2026-05-01', 207],
      ['PRB-2026-0010', '2026-11-23', 1],
    ]);
  });

  it('is due this week from the as-of date to six days after', () => {
    expect(actionsDueThisWeek(withActions, '2026-11-24').map((a) => a.due)).toEqual(['2026-11-24', '2026-11-30']);
  });

  it('rates completion over every action; null with none', () => {
    expect(actionCompletion(withActions)).toEqual({ done: 1, total: 6, rate: 1 / 6 });
    expect(actionCompletion([problem({ id: 'PRB-2026-0012' })])).toEqual({ done: 0, total: 0, rate: null });
  });
});

describe('reviewAgenda', () => {
  it('lists open tickets by priority, then oldest first, then id, with their actions', () => {
    const list = [
      problem({ id: 'PRB-2026-0020', priority: 'P2', opened: '2026-10-01' }),
      problem({ id: 'PRB-2026-0021', priority: 'P1', opened: '2026-11-01', actions: [action('2026-11-20'), action('2026-11-25')] }),
      problem({ id: 'PRB-2026-0022', priority: 'P2', opened: '2026-06-01' }),
      problem({ id: 'PRB-2026-0019', priority: 'P2', opened: '2026-10-01' }),
      problem({ id: 'PRB-2026-0023', priority: 'P1', opened: '2026-01-01', status: 'resolved', closed: '2026-02-01' }),
    ];
    const agenda = reviewAgenda(list, '2026-11-24');
    expect(agenda.map((item) => [item.problem.id, item.ageDays])).toEqual([
      ['PRB-2026-0021', 23],
      ['PRB-2026-0022', 176],
      ['PRB-2026-0019', 54],
      ['PRB-2026-0020', 54],
    ]);
    expect(agenda[0]?.overdue.map((a) => a.due)).toEqual(['2026-11-20']);
    expect(agenda[0]?.dueThisWeek.map((a) => a.due)).toEqual(['2026-11-25']);
    expect(problemsInReviewOrder(list, '2026-11-24').map((p) => p.id)).toEqual(['PRB-2026-0021', 'PRB-2026-0022', 'PRB-2026-0019', 'PRB-2026-0020', 'PRB-2026-0023']);
  });
});

describe('problemMonth', () => {
  it('lists the tickets opened and closed in the month and the backlog at its end', () => {
    expect(problemMonth(tickets, '2026-09', '2026-11-24')).toEqual({
      month: '2026-09',
      opened: ['PRB-2026-0004', 'PRB-2026-0005'],
      closed: ['PRB-2026-0001'],
      openAtEnd: 4,
      dueInMonthNotDone: 0,
    });
  });
});
