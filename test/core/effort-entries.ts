// A time-tracking entry for the effort and automation tests: one hour of incident work on settlement/batch unless told.
import type { EffortEntry } from '../../src/core/effort.ts';

export function entry(overrides: Partial<EffortEntry>): EffortEntry {
  return {
    date: '2026-10-05',
    team: 'ops',
    application: 'settlement',
    component: 'batch',
    category: 'incident',
    ticket: '',
    hours: 1,
    ...overrides,
  };
}
