/**
 * Stable anchor ids of citable figures (issue 15): the same id is the fragment of the figure on
 * the page and its `anchor` in the review JSON, so a link into a review survives a rebuild. Ids
 * are built from the catalog's own ids, which are already URL-safe slugs.
 */

/** An SLO's row in a scorecard: `slo-checkout-availability`. */
export function sloAnchor(sloId: string): string {
  return `slo-${sloId}`;
}

/** A headline card: `figure-incidents`. */
export function figureAnchor(name: string): string {
  return `figure-${name}`;
}

/** An incident in a quarter's list: `incident-2026-08-19-checkout-connection-pool-exhaustion`. */
export function incidentAnchor(incidentId: string): string {
  return `incident-${incidentId}`;
}

/** A chart: `chart-burn-down-checkout-availability`, `chart-incident-timeline`. */
export function chartAnchor(kind: string, subject?: string): string {
  return subject === undefined ? `chart-${kind}` : `chart-${kind}-${subject}`;
}

/** A service's group in a scorecard: `service-checkout-api`. */
export function serviceAnchor(serviceId: string): string {
  return `service-${serviceId}`;
}

/** The id of a chart without a subject of its own, from its title: `chart-incident-sli-…`. */
export function chartAnchorFromTitle(kind: string, title: string): string {
  const slug = title
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return chartAnchor(kind, slug);
}
