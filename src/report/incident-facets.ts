/**
 * The incident list filtered by quarter, service and severity, as one static page per value:
 * filtering needs no client JavaScript (SPEC §9).
 */
import { quarterContaining } from '../domain/quarter.ts';
import type { Postmortem } from '../ingest/postmortem.ts';
import type { Settings } from '../ingest/settings.ts';

export type FacetKind = 'quarter' | 'service' | 'severity';

export interface IncidentFacet {
  kind: FacetKind;
  /** URL segment: /incidents/<kind>/<slug>/ */
  slug: string;
  label: string;
  postmortems: Postmortem[];
}

/** The facets of one kind, under the heading the incident list gives them. */
export interface FacetGroup {
  kind: FacetKind;
  title: string;
  facets: IncidentFacet[];
}

const GROUP_TITLES: Record<FacetKind, string> = {
  quarter: 'By quarter',
  service: 'By service',
  severity: 'By severity',
};

/** The facets by kind: quarters, then services, then severities. */
export function facetGroups(facets: readonly IncidentFacet[]): FacetGroup[] {
  return (['quarter', 'service', 'severity'] as const).map((kind) => ({
    kind,
    title: GROUP_TITLES[kind],
    facets: facets.filter((f) => f.kind === kind),
  }));
}

/** Facet values with at least one incident, in a reader's order: newest quarter, A–Z, severity order. */
export function incidentFacets(postmortems: readonly Postmortem[], settings: Settings): IncidentFacet[] {
  const cal = settings.calendar;
  const byQuarter = new Map<string, IncidentFacet & { startMs: number }>();
  for (const p of postmortems) {
    const q = quarterContaining(p.started, cal);
    const facet = byQuarter.get(q.id) ?? {
      kind: 'quarter' as const,
      slug: q.slug,
      label: `${q.label} (${q.id})`,
      postmortems: [],
      startMs: q.startMs,
    };
    facet.postmortems.push(p);
    byQuarter.set(q.id, facet);
  }
  const quarters = [...byQuarter.values()]
    .sort((a, b) => b.startMs - a.startMs)
    .map(({ startMs: _s, ...f }) => f);
  const services = [...new Set(postmortems.flatMap((p) => p.services))].sort().map((id): IncidentFacet => ({
    kind: 'service',
    slug: id,
    label: id,
    postmortems: postmortems.filter((p) => p.services.includes(id)),
  }));
  const severities = settings.severities
    .map((sev): IncidentFacet => ({
      kind: 'severity',
      slug: sev.toLowerCase(),
      label: sev,
      postmortems: postmortems.filter((p) => p.severity === sev),
    }))
    .filter((f) => f.postmortems.length > 0);
  return [...quarters, ...services, ...severities];
}
