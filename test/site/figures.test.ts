// The figures npm run diff compares: what they contain, and that one edited record reports exactly the
// figures it moves (worked out by hand on the availability corpus) and nothing else.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { diffFigures, figureChangesMarkdown, figureMonths, reportFigures, type Figure, type FigureMap } from '../../src/site/figures.ts';
import { loadRepository, type Repository } from '../../src/load/repository.ts';
import { projectRoot } from '../helpers/build-site.ts';

const corpus = path.join(projectRoot, 'test/fixtures/availability-corpus');
const minimal = path.join(projectRoot, 'test/fixtures/minimal');
const asOfMs = Date.parse('2026-11-24T12:00:00Z');
const temps: string[] = [];

afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

function load(root: string): Repository {
  const { repository, diagnostics } = loadRepository(root);
  expect(diagnostics).toEqual([]);
  return repository;
}

/** A copy of `source` with `from` replaced by `to` in one file. */
function editedCopy(source: string, file: string, from: string, to: string): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'opsledger-figures-'));
  temps.push(root);
  cpSync(source, root, { recursive: true });
  const text = readFileSync(path.join(root, file), 'utf8');
  expect(text).toContain(from);
  writeFileSync(path.join(root, file), text.replace(from, to));
  return root;
}

function figure(section: Figure['section'], label: string, measure: string, value: string): [string, Figure] {
  return [`${section.toLowerCase()}/${label}/${measure}`, { section, label, measure, value }];
}

describe('reportFigures', () => {
  const figures = reportFigures(load(corpus), asOfMs);

  it('covers every report month from the first record to the as-of month', () => {
    expect(figureMonths(load(corpus), asOfMs)).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11']);
  });

  it('gives availability, status and lost minutes per application and month as people read them', () => {
    expect(figures.get('availability/settle 2026-03/availability')?.value).toBe('99.61 %');
    expect(figures.get('availability/settle 2026-03/status')?.value).toBe('amber');
    expect(figures.get('lost minutes/settle 2026-03/lost')?.value).toBe('60.0 min');
    expect(figures.get('lost minutes/fx 2026-03/lost')?.value).toBe('21.6 min');
    expect(figures.get('availability/fx 2026-11/availability')?.value).toBe('99.92 %');
    expect(figures.get('availability/portfolio 2026-03/availability')?.value).toBe('99.81 %');
    expect(figures.get('lost minutes/portfolio 2026-03/lost')?.value).toBe('141.6 min');
  });

  it('gives the top-talker order of each month', () => {
    expect(figures.get('top talkers/2026-03/order')?.value).toBe('INC-2026-0004, INC-2026-0006, INC-2026-0003, INC-2026-0002');
    expect(figures.get('top talkers/2026-05/order')?.value).toBe('none');
  });

  it('gives the open problem backlog at each month end and each capacity KPI headroom', () => {
    const small = reportFigures(load(minimal), asOfMs);
    expect(small.get('problem backlog/2026-03/open')?.value).toBe('1 open');
    expect(small.get('problem backlog/2026-11/open')?.value).toBe('1 open');
    expect(small.get('capacity headroom/settlement p95_ms/headroom')?.value).toBe('+110.9 %');
    expect(small.get('capacity headroom/settlement p95_ms/breach')?.value).toBe('no breach month');
    // Measured from the window's peak (95th percentile of hourly volume), so less than from the mean.
    const peak = small.get('capacity headroom/settlement p95_ms/peak headroom')?.value ?? '';
    expect(peak).toMatch(/^\+\d+(\.\d)? %$/);
    expect(Number(peak.slice(1, -2))).toBeLessThan(110.9);
  });

  it('is the same list on the same inputs', () => {
    expect([...reportFigures(load(corpus), asOfMs)]).toEqual([...figures]);
  });
});

describe('diffFigures', () => {
  it('reports exactly the figures one incident restored 30 minutes earlier moves', () => {
    // INC-2026-0004 costs Settlement 11:00Z–12:00Z (07:00 EDT onwards) in March; restored at 11:30Z it costs 30.
    // Settlement: 15660 → 15690 of 15720 scheduled minutes, 76 % → 38 % of a 78.6-minute budget.
    // Portfolio: 141.6 → 111.6 of 74880 minutes. March's order: INC-2026-0006 (60) now before INC-2026-0004 (30).
    const before = reportFigures(load(corpus), asOfMs);
    const edited = editedCopy(corpus, 'content/incidents/INC-2026-0004.md', 'restored: 2026-03-09T12:00:00Z', 'restored: 2026-03-09T11:30:00Z');
    const after = reportFigures(load(edited), asOfMs);
    const changes = diffFigures(before, after);
    expect(changes.map(({ key, before: was, after: now }) => [key, was, now])).toEqual([
      ['availability/portfolio 2026-03/availability', '99.81 %', '99.85 %'],
      ['availability/settle 2026-03/availability', '99.61 %', '99.80 %'],
      ['availability/settle 2026-03/status', 'amber', 'green'],
      ['lost minutes/portfolio 2026-03/lost', '141.6 min', '111.6 min'],
      ['lost minutes/settle 2026-03/lost', '60.0 min', '30.0 min'],
      ['top talkers/2026-03/order', 'INC-2026-0004, INC-2026-0006, INC-2026-0003, INC-2026-0002', 'INC-2026-0006, INC-2026-0004, INC-2026-0003, INC-2026-0002'],
    ]);
    expect(figureChangesMarkdown(changes)).toBe(
      [
        '### Availability',
        '',
        '- portfolio 2026-03: 99.81 % → 99.85 %',
        '- settle 2026-03: 99.61 % → 99.80 %, amber → green',
        '',
        '### Lost minutes',
        '',
        '- portfolio 2026-03: 141.6 min → 111.6 min',
        '- settle 2026-03: 60.0 min → 30.0 min',
        '',
        '### Top talkers',
        '',
        '- 2026-03: INC-2026-0004, INC-2026-0006, INC-2026-0003, INC-2026-0002 → INC-2026-0006, INC-2026-0004, INC-2026-0003, INC-2026-0002',
        '',
      ].join('\n'),
    );
  });

  it('reports the month ends a closed problem leaves the backlog', () => {
    const closed = editedCopy(minimal, 'content/problems/PRB-2026-0001.md', 'status: known-error', 'status: resolved\nclosed: 2026-06-10');
    const changes = diffFigures(reportFigures(load(minimal), asOfMs), reportFigures(load(closed), asOfMs));
    expect(changes.map((c) => `${c.label}: ${c.before} → ${c.after}`)).toEqual(
      ['2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11'].map((month) => `${month}: 1 open → 0 open`),
    );
  });

  it('reports nothing between equal figures', () => {
    const figures = reportFigures(load(corpus), asOfMs);
    expect(diffFigures(figures, reportFigures(load(corpus), asOfMs))).toEqual([]);
    expect(figureChangesMarkdown([])).toBe('No figure changes.\n');
  });

  it('reports figures only one side has as new or no longer reported, in section order', () => {
    const before: FigureMap = new Map([
      figure('Lost minutes', 'fx 2026-01', 'lost', '5.0 min'),
      figure('Capacity headroom', 'fx p95_ms', 'headroom', '+10 %'),
      figure('Capacity headroom', 'fx p95_ms', 'breach', 'breach 2027-01'),
    ]);
    const after: FigureMap = new Map([
      figure('Availability', 'fx 2026-01', 'availability', '99.90 %'),
      figure('Availability', 'fx 2026-01', 'status', 'green'),
      figure('Lost minutes', 'fx 2026-01', 'lost', '4.0 min'),
    ]);
    expect(figureChangesMarkdown(diffFigures(before, after))).toBe(
      [
        '### Availability',
        '',
        '- fx 2026-01: new: 99.90 %, green',
        '',
        '### Lost minutes',
        '',
        '- fx 2026-01: 5.0 min → 4.0 min',
        '',
        '### Capacity headroom',
        '',
        '- fx p95_ms: no longer reported (was +10 %, breach 2027-01)',
        '',
      ].join('\n'),
    );
  });
});

describe('figure text', () => {
  it('prints lost minutes as the report page does, thousands grouped', () => {
    const repository = loadRepository(minimal).repository;
    // INC-2026-0002 held for three days from Thursday 09:00 New York: 600 min on Thursday and 720 on Friday
    // of Settlement's weekday 07:00–19:00, none at the weekend; with INC-2026-0001's 15, 1,335 minutes.
    const threeDaysMs = 3 * 86_400_000;
    const incidents = repository.incidents.map((i) =>
      i.id === 'INC-2026-0002' ? { ...i, restored: i.started + threeDaysMs, impact: i.impact.map((span) => ({ ...span, toMs: i.started + threeDaysMs })) } : i,
    );
    const figures = reportFigures({ ...repository, incidents }, Date.parse('2026-04-10T00:00:00Z'));
    expect(figures.get('lost minutes/portfolio 2026-03/lost')?.value).toBe('1,335.0 min');
  });
});
