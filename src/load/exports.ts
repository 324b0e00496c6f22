// The CSV exports under data/: time tracking, capacity series and monitoring alerts, every row checked and its
// references resolved, each problem at its cell.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Application } from '../schema/index.ts';
import { readAlertCsv, readCapacityCsv, readTimeCsv, type AlertRow, type TimeEntryRow } from './csv.ts';
import type { Diagnostic } from './diagnostics.ts';
import { isMapping, type Catalogue } from './catalogues.ts';
import { listFiles } from './file-list.ts';
import { error, type Locations } from './locations.ts';
import { alertRowProblems, timeRowProblems, type ReferenceTargets } from './references.ts';
import type { CapacitySeries } from './types.ts';

export interface Exports {
  timeEntries: TimeEntryRow[];
  capacity: CapacitySeries[];
  alerts: AlertRow[];
  /** Export files read. */
  fileCount: number;
}

/**
 * Reads data/time, the capacity files the applications declare (and flags those nobody declares) and data/alerts,
 * or of them only the files in `only`.
 */
export function readExports(
  root: string,
  only: ReadonlySet<string> | undefined,
  applications: Catalogue<Application>,
  targets: ReferenceTargets,
  diagnostics: Diagnostic[],
  locations: Locations,
): Exports {
  let fileCount = 0;
  /** Every CSV under `dir` (of them only those in `only`) read by `read`; its rows returned, its diagnostics kept. */
  const csvRows = <Row>(dir: string, what: string, read: (file: string, bytes: Buffer) => { rows: Row[]; diagnostics: Diagnostic[] }): Row[] => {
    const rows: Row[] = [];
    for (const file of listFiles(root, dir)) {
      if (only && !only.has(file)) continue;
      fileCount++;
      if (!file.endsWith('.csv')) {
        diagnostics.push(error(file, 1, 1, 'file-name', '', `not ${what}: expected a .csv file`));
        continue;
      }
      // Bytes, not text: the CSV parser works on bytes and would encode a string back.
      const found = read(file, readFileSync(path.join(root, file)));
      diagnostics.push(...found.diagnostics);
      for (const row of found.rows) rows.push(row);
    }
    return rows;
  };

  // Time tracking: every row checked, references included, each at its cell.
  const checkTimeRow = timeRowProblems(targets);
  const timeEntries = csvRows('data/time', 'a time-tracking export', (file, bytes) => readTimeCsv(file, bytes, checkTimeRow));

  // Capacity series declared by the catalogue; a CSV nobody declared is an error, not ignored.
  const capacity: CapacitySeries[] = [];
  const declaredFiles = new Set<string>();
  // An application entry that failed for another reason still declares its capacity file.
  for (const { data } of applications.invalid) {
    const file = isMapping(data) && isMapping(data.capacity) ? data.capacity.file : undefined;
    if (typeof file === 'string') declaredFiles.add(`data/capacity/${file}`);
  }
  for (const app of applications.entries) {
    if (!app.capacity) continue;
    const rel = `data/capacity/${app.capacity.file}`;
    declaredFiles.add(rel);
    if (only && !only.has(rel) && !only.has('data/applications.yaml')) continue;
    if (!existsSync(path.join(root, rel))) {
      const missing = locations.at(app, ['capacity', 'file'], 'reference', `capacity file ${rel} does not exist`);
      if (missing) diagnostics.push(missing);
      continue;
    }
    fileCount++;
    const columns = [app.capacity.volume, ...app.capacity.kpis.map((k) => k.column)];
    const { series, diagnostics: found } = readCapacityCsv(rel, readFileSync(path.join(root, rel)), columns);
    diagnostics.push(...found);
    if (series) {
      capacity.push({
        applicationId: app.id,
        file: rel,
        volumeColumn: app.capacity.volume,
        timestampMs: series.timestampMs,
        columns: series.columns,
        kpis: app.capacity.kpis,
        windowDays: app.capacity.windowDays,
      });
    }
  }
  for (const file of listFiles(root, 'data/capacity')) {
    if (only && !only.has(file)) continue;
    if (!declaredFiles.has(file)) diagnostics.push(error(file, 1, 1, 'reference', '', 'no application declares this capacity file (capacity.file in data/applications.yaml)'));
  }

  // Alert exports: every row checked, its application, component and incident resolved, each at its cell.
  const checkAlertRow = alertRowProblems(targets);
  const alerts = csvRows('data/alerts', 'an alert export', (file, bytes) => readAlertCsv(file, bytes, checkAlertRow));

  return { timeEntries, capacity, alerts, fileCount };
}
