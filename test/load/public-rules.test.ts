// The public block of site.yaml and the records' public texts are checked as every other field is: located
// errors for what cannot be, a located warning for an open major incident customers hear nothing about.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadRepository } from '../../src/load/repository.ts';
import { makeRoot, removeRoots, writeFile } from './fixture-root.ts';

afterAll(removeRoots);

const openIncident = (extra: string) => `---
id: INC-2026-0003
title: Settlement batch stalled again
application: settlement
severity: SEV1
status: open
started: 2026-03-10T10:30:00Z
detected: 2026-03-10T10:32:00Z
component: batch
cause: unknown
channel: monitoring
${extra}---
Still looking.
`;

describe('public rules', () => {
  it('accepts a public block, public texts and public updates, and old records without them', () => {
    const root = makeRoot();
    writeFile(root, 'data/site.yaml', 'title: Reference Corp\npublic:\n  title: Reference status\n  support: help@reference.example\n  applications:\n    - {id: settlement, name: Trade settlement}\n');
    writeFile(root, 'content/incidents/INC-2026-0003.md', openIncident('public: {title: Settlement delayed, summary: Confirmations are late.}\nupdates: [{at: 2026-03-10T10:40:00Z, text: We are looking into it., public: true}]\n'));
    const { diagnostics, repository } = loadRepository(root);
    expect(diagnostics).toEqual([]);
    const incident = repository.incidents.find((i) => i.id === 'INC-2026-0003')!;
    expect(incident.public).toEqual({ title: 'Settlement delayed', summary: 'Confirmations are late.' });
    expect(incident.updates[0]?.public).toBe(true);
    expect(repository.incidents.find((i) => i.id === 'INC-2026-0001')?.updates[0]?.public).toBe(false);
  });

  it('locates unknown and repeated public applications and a bad support address', () => {
    const root = makeRoot();
    writeFile(root, 'data/site.yaml', 'title: Reference Corp\npublic:\n  title: Reference status\n  support: Jane at the desk\n  applications:\n    - {id: settlement, name: Trade settlement}\n    - {id: ledger, name: Ledger}\n    - {id: settlement, name: Settlement again}\n');
    const found = loadRepository(root).diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.field} ${d.message} [${d.rule}]`);
    expect(found).toEqual([
      'data/site.yaml:4:3 error public.support expected a support URL (https://…) or a support e-mail address [schema]',
    ]);
    writeFile(root, 'data/site.yaml', 'title: Reference Corp\npublic:\n  title: Reference status\n  applications:\n    - {id: settlement, name: Trade settlement}\n    - {id: ledger, name: Ledger}\n    - {id: settlement, name: Settlement again}\n');
    const again = loadRepository(root).diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.field} ${d.message} [${d.rule}]`);
    expect(again).toEqual([
      'data/site.yaml:6:8 error public.applications[1].id unknown application "ledger" (not in data/applications.yaml) [reference]',
      'data/site.yaml:7:8 error public.applications[2].id application "settlement" is listed twice [duplicate-id]',
    ]);
  });

  it('refuses a public change without a downtime window, at its public block', () => {
    const root = makeRoot();
    const file = 'content/changes/CHG-2026-0001.md';
    const text = readFileSync(path.join(root, file), 'utf8');
    writeFile(root, file, text.replace(/^---\n/, '---\npublic: {title: Planned maintenance}\n').replace(/^downtime:.*\n/m, ''));
    const found = loadRepository(root).diagnostics.filter((d) => d.file === file);
    expect(found.map((d) => [d.field, d.message])).toContainEqual(['public', 'a public change is scheduled maintenance: it needs a downtime window {from, to}']);
  });

  it('warns at the status of an open SEV1 on a public application with no public text', () => {
    const root = makeRoot();
    writeFile(root, 'data/site.yaml', 'title: Reference Corp\npublic:\n  title: Reference status\n  applications:\n    - {id: settlement, name: Trade settlement}\n');
    writeFile(root, 'content/incidents/INC-2026-0003.md', openIncident(''));
    expect(loadRepository(root).diagnostics).toEqual([
      {
        file: 'content/incidents/INC-2026-0003.md',
        line: 6,
        column: 1,
        severity: 'warning',
        rule: 'public-text',
        field: 'status',
        message: 'SEV1 still open on the public application settlement without public text: the status page says only "We are investigating an issue"; add public: {title, summary} and mark the updates customers may read with public: true',
      },
    ]);
  });
});
