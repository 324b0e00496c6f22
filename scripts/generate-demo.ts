/**
 * Writes the demo content repository (or a benchmark corpus) into a root: `OPSLEDGER_ROOT`, or `--out`
 * (`--root`), default the repository. Same arguments, same bytes. It only ever replaces what it wrote:
 * the root's `content/` and `data/` must be empty or hold exactly the files listed, with their hashes,
 * in the root's `.opsledger-demo`, which it writes after every run; otherwise it refuses and deletes nothing.
 *
 *   node scripts/generate-demo.ts [--out DIR] [--size demo|small|large|incidents-500|incidents-4000|incidents-20000] [--seed N] [--end 2026-11-24]
 */
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { rootOwnership, writeManifest } from '../src/cli/written-files.ts';
import type { Application, Calendar, Catalogue } from './demo/catalogue.ts';
import { buildCatalogue } from './demo/catalogue.ts';
import { generateChanges } from './demo/changes.ts';
import type { GenerationContext } from './demo/context.ts';
import { createContext } from './demo/context.ts';
import { toYaml } from './demo/emit.ts';
import { loadHandwritten } from './demo/handwritten.ts';
import { assignIds, parseRecordId } from './demo/ids.ts';
import { generateIncidents } from './demo/incidents.ts';
import { addMonthsUtc, parseInstant, startOfMonthUtc } from './demo/instants.ts';
import { ensureAgenda, linkFollowUps, planFollowUps } from './demo/problems.ts';
import { changeFile, incidentFile, postmortemFile, problemFile } from './demo/records.ts';
import { createRandom, deriveSeed } from './demo/random.ts';
import { writeCapacity } from './demo/capacity.ts';
import { writeTimeTracking } from './demo/time-tracking.ts';
import { monitorsOf, writeHealthAndTraining } from './demo/health.ts';
import { publicSiteBlock, publishIncidents, publishMaintenance } from './demo/public.ts';

interface SizeProfile {
  applications: number;
  months: number;
  incidents: number;
  changes: number;
  problems: number;
  postmortems: number;
  timeRows: number;
  /** Undefined: hourly rows over the whole history. */
  capacityRows: number | undefined;
  extraPeople: number;
  extraCapacityShare: number;
  /** Incidents and the catalogues alone: no hand-written records, changes, problems, post-mortems, time or capacity exports. */
  incidentsOnly?: boolean;
}

/** The bench's comparison corpora: 5 years, 50 applications, incidents only (the shape other status-page tools hold). */
const incidentsOnly = (incidents: number): SizeProfile => ({
  applications: 50, months: 60, incidents, changes: 0, problems: 0, postmortems: 0, timeRows: 0, capacityRows: 0, extraPeople: 0, extraCapacityShare: 0, incidentsOnly: true,
});

type SizeName = 'demo' | 'small' | 'large' | 'incidents-500' | 'incidents-4000' | 'incidents-20000';

const SIZES: Record<SizeName, SizeProfile> = {
  demo: { applications: 6, months: 18, incidents: 177, changes: 75, problems: 20, postmortems: 12, timeRows: 24_000, capacityRows: undefined, extraPeople: 0, extraCapacityShare: 0 },
  small: { applications: 5, months: 60, incidents: 2_000, changes: 500, problems: 100, postmortems: 100, timeRows: 50_000, capacityRows: 200_000, extraPeople: 0, extraCapacityShare: 0 },
  large: { applications: 50, months: 60, incidents: 20_000, changes: 5_000, problems: 1_000, postmortems: 1_000, timeRows: 500_000, capacityRows: 2_000_000, extraPeople: 120, extraCapacityShare: 0.5 },
  'incidents-500': incidentsOnly(500),
  'incidents-4000': incidentsOnly(4_000),
  'incidents-20000': incidentsOnly(20_000),
};

const SCRIPTS_DIR = dirname(fileURLToPath(import.meta.url));
/** The committed demo's seed and last day; tests that need the demo generate it with these. */
export const DEMO_SEED = 20261125;
export const DEMO_END = '2026-11-24';

/** The demo as `npm run generate` writes it, into `root`, with the default seed and end date. */
export function generateDemo(root: string): GenerationSummary {
  return generateCorpus({ root, size: 'demo', seed: DEMO_SEED, endMs: parseInstant(`${DEMO_END}T23:59:00Z`) });
}

/** The manifest of what the generator wrote, beside `content/` and `data/`. */
export const DEMO_MARKER = '.opsledger-demo';
const markerHeader = `Written by \`npm run generate\` (scripts/generate-demo.ts): the files below are its own.
It rewrites content/ and data/ here only while they hold exactly these files, unchanged.
Records of your own are never deleted: with any other file present it refuses.`;

/** Why the generator will not write into a root: it holds files the generator did not write. */
export class ForeignRootError extends Error {
  readonly foreign: string[];
  constructor(root: string, foreign: string[], hasMarker: boolean) {
    const shown = foreign.slice(0, 3).join(', ') + (foreign.length > 3 ? ` and ${foreign.length - 3} more` : '');
    const why = hasMarker ? `files it did not write, or changed since it wrote them (${shown})` : `files it did not write (${shown}) and no ${DEMO_MARKER} of its own`;
    super(
      `refusing to write the demo into ${root}: its content/ and data/ hold ${why}; ` +
        `they may be a team's records, so nothing was deleted.\n` +
        `Generate into an empty folder instead: OPSLEDGER_ROOT=/tmp/opsledger-demo npm run generate, or npm run generate -- --out /tmp/opsledger-demo`,
    );
    this.name = 'ForeignRootError';
    this.foreign = foreign;
  }
}
const HANDWRITTEN_DIR = join(SCRIPTS_DIR, 'demo', 'handwritten');

function isSize(value: string): value is keyof typeof SIZES {
  return Object.hasOwn(SIZES, value);
}

function calendarYaml(calendar: Calendar): unknown {
  return calendar === '24x7' ? '24x7' : calendar.map((window) => ({ timezone: window.timezone, days: window.days, hours: window.hours }));
}

function applicationYaml(app: Application): Record<string, unknown> {
  const out: Record<string, unknown> = {
    id: app.id,
    name: app.name,
    team: app.team,
    target: app.target,
    calendar: calendarYaml(app.calendar),
    regions: app.regions,
    components: app.components.map((profile) => profile.id),
    excludeMaintenance: app.excludeMaintenance,
    support: app.support,
  };
  out['monitoring'] = monitorsOf(app);
  if (app.capacity !== undefined) {
    out['capacity'] = {
      file: app.capacity.file,
      volume: app.capacity.volume,
      windowDays: 90,
      kpis: app.capacity.kpis.map((kpi) => ({ column: kpi.column, unit: kpi.unit, sla: kpi.sla })),
    };
  }
  return out;
}

function writeCatalogues(root: string, catalogue: Catalogue): void {
  const data = join(root, 'data');
  const site = {
    title: 'Northwind FX Production Support',
    baseUrl: 'https://ops.northwind.example/',
    base: '/',
    reportingTimezone: 'UTC',
    fteHoursPerMonth: 140,
    changeLeadDays: 5,
    updateCadenceMinutes: 15,
    staleReviewDays: 92,
    planningHorizonMonths: 36,
    report: { recipients: ['service-review@northwind.example', 'head-of-operations@northwind.example'] },
    public: publicSiteBlock(catalogue.applications),
  };
  writeFileSync(join(data, 'site.yaml'), toYaml(site));
  writeFileSync(join(data, 'applications.yaml'), toYaml(catalogue.applications.map(applicationYaml)));
  writeFileSync(
    join(data, 'teams.yaml'),
    toYaml(catalogue.teams.map((team) => ({ ...team, rotation: calendarYaml(team.rotation) }))),
  );
  writeFileSync(join(data, 'customers.yaml'), toYaml(catalogue.customers));
}

function recordWriter(root: string): (kind: string, id: string, text: string) => void {
  const made = new Set<string>();
  return (kind, id, text) => {
    const directory = join(root, 'content', kind, String(parseRecordId(id).year));
    if (!made.has(directory)) {
      mkdirSync(directory, { recursive: true });
      made.add(directory);
    }
    writeFileSync(join(directory, `${id}.md`), text);
  };
}

export interface GenerationSummary {
  root: string;
  size: string;
  incidents: number;
  changes: number;
  problems: number;
  postmortems: number;
  timeRows: number;
  capacityRows: number;
  milliseconds: number;
}

export function generateCorpus(options: { root: string; size: keyof typeof SIZES; seed: number; endMs: number }): GenerationSummary {
  const began = performance.now();
  const profile = SIZES[options.size];
  const startMs = addMonthsUtc(startOfMonthUtc(options.endMs), -(profile.months - 1));
  const catalogue = buildCatalogue(createRandom(deriveSeed(options.seed, 'catalogue')), {
    applicationCount: profile.applications,
    endMs: options.endMs,
    extraPeople: profile.extraPeople,
    extraCapacityShare: profile.extraCapacityShare,
  });
  if (profile.incidentsOnly) for (const app of catalogue.applications) delete app.capacity;
  const context: GenerationContext = createContext(options.seed, startMs, options.endMs, catalogue);
  const handwritten = profile.incidentsOnly ? { incidents: [], changes: [], problems: [], postmortems: [], files: [] } : loadHandwritten(HANDWRITTEN_DIR);
  const latestHandwritten = Math.max(...handwritten.incidents.map((incident) => incident.startedMs));
  if (handwritten.incidents.length > 0 && latestHandwritten > options.endMs) {
    process.stderr.write(`warning: hand-written incidents run past --end; they assume the default end date\n`);
  }

  // The change generator always adds a few special and upcoming changes; an incidents-only corpus has none.
  const generatedChanges = profile.incidentsOnly ? [] : generateChanges(context, profile.changes - handwritten.changes.length);
  const changes = [...generatedChanges, ...handwritten.changes];
  assignIds(changes, 'CHG', (change) => change.submittedMs);

  const generatedIncidents = generateIncidents(context, profile.incidents - handwritten.incidents.length, generatedChanges);
  const incidents = [...generatedIncidents, ...handwritten.incidents];
  assignIds(incidents, 'INC', (incident) => incident.startedMs);
  publishIncidents(generatedIncidents);
  publishMaintenance(generatedChanges);

  const plan = planFollowUps(context, incidents, profile.problems - handwritten.problems.length, profile.postmortems - handwritten.postmortems.length);
  assignIds([...plan.problems, ...handwritten.problems], 'PRB', (problem) => problem.openedMs);
  assignIds([...plan.postmortems, ...handwritten.postmortems], 'PM', (postmortem) => postmortem.dateMs);
  linkFollowUps(context, plan);
  ensureAgenda(context, plan.problems);
  const incidentsById = new Map(incidents.map((incident) => [incident.id, incident]));
  for (const problem of handwritten.problems) {
    const first = incidentsById.get(problem.incidents[0] ?? '');
    problem.application = first?.applications[0] ?? '';
    problem.component = first?.component ?? '';
  }

  const root = options.root;
  const ownership = rootOwnership(root, DEMO_MARKER);
  if (ownership.state === 'foreign') throw new ForeignRootError(root, ownership.foreign, ownership.manifest);
  rmSync(join(root, 'content'), { recursive: true, force: true });
  rmSync(join(root, 'data'), { recursive: true, force: true });
  for (const folder of ['data/time', 'data/capacity', 'content/incidents', 'content/changes', 'content/problems', 'content/postmortems']) {
    mkdirSync(join(root, folder), { recursive: true });
  }
  writeCatalogues(root, catalogue);

  const write = recordWriter(root);
  for (const incident of generatedIncidents) write('incidents', incident.id, incidentFile(context, incident));
  for (const change of generatedChanges) write('changes', change.id, changeFile(context, change));
  for (const problem of plan.problems) write('problems', problem.id, problemFile(context, problem));
  const problemsById = new Map(plan.problems.map((problem) => [problem.id, problem]));
  for (const postmortem of plan.postmortems) write('postmortems', postmortem.id, postmortemFile(context, postmortem, incidentsById, problemsById));
  for (const file of handwritten.files) {
    const target = join(root, file.relativePath);
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(file.absolutePath, target);
  }

  const time = profile.incidentsOnly
    ? { rows: 0 }
    : writeTimeTracking(context, join(root, 'data', 'time'), profile.timeRows, { incidents, changes, problems: [...plan.problems, ...handwritten.problems] });
  const capacity = profile.incidentsOnly ? { rows: 0 } : writeCapacity(context, join(root, 'data', 'capacity'), profile.capacityRows);
  if (!profile.incidentsOnly) writeHealthAndTraining(context, root, incidents);
  writeManifest(root, DEMO_MARKER, markerHeader);

  return {
    root,
    size: options.size,
    incidents: incidents.length,
    changes: changes.length,
    problems: plan.problems.length + handwritten.problems.length,
    postmortems: plan.postmortems.length + handwritten.postmortems.length,
    timeRows: time.rows,
    capacityRows: capacity.rows,
    milliseconds: Math.round(performance.now() - began),
  };
}

function main(): void {
  const { values } = parseArgs({
    options: {
      out: { type: 'string' },
      root: { type: 'string' },
      size: { type: 'string', default: 'demo' },
      seed: { type: 'string', default: String(DEMO_SEED) },
      end: { type: 'string', default: DEMO_END },
    },
    strict: true,
  });
  const size = values.size;
  if (!isSize(size)) throw new Error(`--size must be one of ${Object.keys(SIZES).join(', ')}, not ${size}`);
  const seed = Number(values.seed);
  if (!Number.isInteger(seed) || seed < 0) throw new Error(`--seed must be a non-negative integer, not ${values.seed}`);
  const endText = values.end;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(endText)) throw new Error(`--end must be a date like 2026-11-24, not ${endText}`);
  const root = resolve(values.out ?? values.root ?? process.env.OPSLEDGER_ROOT ?? join(SCRIPTS_DIR, '..'));
  let summary: GenerationSummary;
  try {
    summary = generateCorpus({ root, size, seed, endMs: parseInstant(`${endText}T23:59:00Z`) });
  } catch (error) {
    if (!(error instanceof ForeignRootError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  process.stdout.write(
    `${summary.size} corpus in ${summary.root}: ${summary.incidents} incidents, ${summary.changes} changes, ` +
      `${summary.problems} problems, ${summary.postmortems} post-mortems, ${summary.timeRows} time rows, ` +
      `${summary.capacityRows} capacity rows (${summary.milliseconds} ms)\n`,
  );
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
