/**
 * The scaffold `npm run new -- postmortem` writes: every field of SPEC §7, filled where the ledger
 * knows the answer and commented where the author must decide, and the usual sections.
 */
export interface PostmortemTemplateInput {
  title: string;
  /** ISO 8601 with offset, minute precision, e.g. 2026-11-22T09:14:00Z. */
  startedIso: string;
  /** YYYY-MM-DD, for the first action item's due date. */
  dueDay: string;
  severities: string[];
  services: string[];
  slos: string[];
}

function yamlString(s: string): string {
  return JSON.stringify(s);
}

export function renderPostmortemTemplate(t: PostmortemTemplateInput): string {
  const severity = t.severities[Math.min(2, t.severities.length - 1)] ?? 'SEV3';
  const service = t.services[0] ?? 'my-service';
  return `---
title: ${yamlString(t.title)}
status: draft              # draft | in-review | final; drafts only appear in internal builds
severity: ${severity}              # one of: ${t.severities.join(', ')}
visibility: public         # public | internal (internal write-ups never reach a public build)
services: [${service}]     # known services: ${t.services.join(', ') || '(none yet)'}
# slos: []                 # optional; default: every SLO of the services. Known: ${t.slos.join(', ') || '(none yet)'}
started: ${t.startedIso}   # impact began; always with an offset (Z or +01:00)
# detected: ${t.startedIso}
# mitigated: ${t.startedIso}   # impact ended; required once the status is no longer draft
# resolved: ${t.startedIso}    # optional: the follow-up fix
authors: []
trigger: unknown           # deploy | config | dependency | capacity | infrastructure | unknown | …
# deployment: d-…          # optional: the deployment log id, for change fail rate
action_items: []
#  - title: What will be done
#    owner: team-or-person
#    due: ${t.dueDay}
#    status: open           # open | in-progress | done | wont-do
#    priority: P1           # P0 | P1 | P2 | P3; an incident that burned over 20% of a budget wants a P0
#    link: https://tracker.example/ABC-123
---

## Summary

What happened, in two or three sentences a stakeholder can read on their own.

## Impact

Who was affected, how, and for how long. The ledger adds the error budget used.

## Timeline

All times UTC.

- hh:mm — impact begins
- hh:mm — detected (alert, report, …)
- hh:mm — mitigated

## Contributing factors

What made this possible, without blame: the conditions, not the people.

## What went well

## What could be better

## Action items

Listed in the front matter (action_items), so the ledger can track them.
`;
}
