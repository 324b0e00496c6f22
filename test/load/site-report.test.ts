// data/site.yaml `report.recipients`: optional, a list of e-mail addresses, a wrong one located to its line.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/load/diagnostics.ts';
import { loadSiteConfig } from '../../src/load/repository.ts';

function siteFrom(yaml: string) {
  const root = mkdtempSync(path.join(os.tmpdir(), 'opsledger-site-report-'));
  mkdirSync(path.join(root, 'data'));
  writeFileSync(path.join(root, 'data/site.yaml'), yaml);
  const diagnostics: Diagnostic[] = [];
  return { site: loadSiteConfig(root, diagnostics), diagnostics };
}

describe('site.yaml report.recipients', () => {
  it('is optional: a site without it has no report settings', () => {
    const { site, diagnostics } = siteFrom('title: Ops\n');
    expect(diagnostics).toEqual([]);
    expect(site.report).toBeUndefined();
  });

  it('reads the list of addresses', () => {
    const { site, diagnostics } = siteFrom('title: Ops\nreport:\n  recipients:\n    - cio@example.org\n    - service-desk@example.org\n');
    expect(diagnostics).toEqual([]);
    expect(site.report).toEqual({ recipients: ['cio@example.org', 'service-desk@example.org'] });
  });

  it('locates an address that is not one, and an unknown key beside recipients', () => {
    const { diagnostics } = siteFrom('title: Ops\nreport:\n  recipients:\n    - cio@example.org\n    - service desk\n  cc: [a@example.org]\n');
    expect(diagnostics).toEqual([
      { file: 'data/site.yaml', line: 5, column: 7, severity: 'error', rule: 'schema', field: 'report.recipients[1]', message: 'expected an e-mail address, got "service desk"' },
      expect.objectContaining({ file: 'data/site.yaml', line: 6, severity: 'error', field: 'report.cc' }),
    ]);
  });
});
