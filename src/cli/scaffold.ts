// Templates for `npm run new`: every required field present but empty, with a comment saying what goes there.
// Where each kind is filed and its id prefix come from the one table of record kinds (src/schema/record-kinds.ts).
import type { RecordKind } from '../schema/record-kinds.ts';

export type NewRecordKind = RecordKind;

const quote = (text: string) => JSON.stringify(text);

const templates: Record<NewRecordKind, (id: string, title: string) => string> = {
  incident: (id, title) => `---
id: ${id}
title: ${quote(title)}
application:      # REQUIRED: application id from data/applications.yaml (or applications: [a, b])
severity:         # REQUIRED: SEV1 | SEV2 | SEV3 | SEV4
status:           # REQUIRED: open | monitoring | resolved
started:          # REQUIRED: impact start with offset, e.g. 2026-10-14T02:10:00Z
detected:         # REQUIRED: when we knew, with offset
acknowledged:     # REQUIRED unless open: when support acknowledged, with offset
restored:         # REQUIRED unless open: impact end, with offset
# impact: [{regions: [EMEA], fraction: 0.5}]   # optional: partial impact; default all regions, fraction 1
component:        # REQUIRED: a component of the application
cause:            # REQUIRED: change | capacity | hardware | software | data | network | third-party | human | unknown
# change: CHG-YYYY-NNNN      # the change that caused it
# problem: PRB-YYYY-NNNN     # the problem ticket tracking the root cause
channel:          # REQUIRED: monitoring | phone | email | ticket | chat | unknown
resolvedAt:       # REQUIRED when resolved: L1 | L2 | L3 | unknown
updates: []       # communications sent: [{at: 2026-10-14T02:20:00Z, text: "…", kind: update}]
---
What happened, what users saw, what was done.
`,
  change: (id, title) => `---
id: ${id}
title: ${quote(title)}
application:      # REQUIRED: application id (or applications: [a, b])
type:             # REQUIRED: normal | emergency | standard | bau
risk:             # REQUIRED: low | medium | high
submitted:        # REQUIRED: timestamp with offset
plannedStart:     # REQUIRED: timestamp with offset
plannedEnd:       # REQUIRED: timestamp with offset
owner:            # REQUIRED: the responsible person
approvals: []     # [{by: "Name", at: 2026-10-10T09:00:00Z}]
cab: false
releasesCode: false
# downtime: {from: …, to: …}   # scheduled maintenance window
outcome: pending
---
## Implementation plan

## Backout plan

## Validation plan

## Risk assessment
`,
  problem: (id, title) => `---
id: ${id}
title: ${quote(title)}
source:           # REQUIRED: incident | recurring | enhancement | automation
priority:         # REQUIRED: P1 | P2 | P3 | P4
status: open
opened:           # REQUIRED: date, e.g. 2026-10-14
owner:            # REQUIRED: team id from data/teams.yaml
incidents: []     # [INC-YYYY-NNNN, …]
rootCause: ""
actions: []       # [{title: "…", owner: "…", due: 2026-11-01, done: false}]
---
Why this keeps happening and what will stop it.
`,
  postmortem: (id, title) => `---
id: ${id}
title: ${quote(title)}
incidents:        # REQUIRED: [INC-YYYY-NNNN]
date:             # REQUIRED: date of the review, e.g. 2026-10-20
status: draft
authors:          # REQUIRED: [Name]
followUps: []     # [PRB-YYYY-NNNN]
---
## Executive summary

## Impact

## Timeline

## Root cause

## Follow-up actions
`,
};

/** The text of a new record: id and title filled, every required field present and empty. */
export function scaffoldRecord(kind: NewRecordKind, id: string, title: string): string {
  return templates[kind](id, title);
}
