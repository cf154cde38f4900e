/**
 * Embeddable status badges, `/badges/<service or slo>.svg` (SPEC §9, issue 15): shields-style, the
 * status in words and the budget left, on solid fills that keep white text readable on light and
 * dark pages alike. Pure and deterministic: the same report gives the same bytes, and the as-of
 * time in the title is the data's, never the wall clock.
 */
import { formatDateTime, formatPercent } from '../domain/format.ts';
import type { LedgerReport, QuarterReport, SloReport } from '../report/quarter-report.ts';

export type BadgeStatus = SloReport['status'] | 'no-data';

export interface Badge {
  /** Left half: the SLO or service id. */
  label: string;
  /** Right half: 'healthy · 53% left', 'no data'. */
  value: string;
  status: BadgeStatus;
  /** The accessible name, with the as-of time. */
  title: string;
}

/**
 * Fills chosen for white text at 4.5:1 or more (WCAG 1.4.3), so a badge reads the same on a white
 * README and a dark wiki: the fill, not the page, is the text's background.
 */
const FILL: Record<BadgeStatus, string> = {
  healthy: '#1a7f37',
  'at-risk': '#8a5a00',
  exhausted: '#c11f2b',
  'insufficient-data': '#57606a',
  'no-data': '#57606a',
};
const LABEL_FILL = '#3d444d';

const WORDS: Record<BadgeStatus, string> = {
  healthy: 'healthy',
  'at-risk': 'at risk',
  exhausted: 'over budget',
  'insufficient-data': 'no data',
  'no-data': 'no data',
};

/** Worst first, as a scorecard orders them. */
const SEVERITY: Record<SloReport['status'], number> = {
  exhausted: 0,
  'at-risk': 1,
  healthy: 2,
  'insufficient-data': 3,
};

function leftText(slo: SloReport): string {
  return slo.remaining === null
    ? ''
    : slo.remaining < 0
      ? `${formatPercent(-slo.remaining)} over`
      : `${formatPercent(slo.remaining)} left`;
}

function asOfText(report: LedgerReport): string {
  return `as of ${formatDateTime(report.asOfMs, report.calendar)}`;
}

function current(report: LedgerReport): QuarterReport | undefined {
  return report.quarters[report.quarters.length - 1];
}

/** The badge of one SLO in the quarter in progress; "no data" when it has none. */
export function sloBadge(report: LedgerReport, sloId: string): Badge {
  const q = current(report);
  const slo = q?.slos.find((s) => s.id === sloId);
  if (!q || !slo || slo.insufficientData || slo.remaining === null)
    return {
      label: sloId,
      value: 'no data',
      status: 'no-data',
      title: `${sloId}: no data${q ? ` in ${q.label}` : ''}, ${asOfText(report)}`,
    };
  const left = leftText(slo);
  return {
    label: sloId,
    value: `${WORDS[slo.status]} · ${left}`,
    status: slo.status,
    title: `${slo.name} (${sloId}): ${WORDS[slo.status]}, ${left} of the ${q.label} error budget, ${asOfText(report)}`,
  };
}

/**
 * A service's badge: its worst SLO's status and budget left, and how many SLOs that is of; "no
 * data" when none of its SLOs has a budget yet.
 */
export function serviceBadge(report: LedgerReport, serviceId: string): Badge {
  const q = current(report);
  const slos = (q?.slos ?? []).filter(
    (s) => s.service === serviceId && !s.insufficientData && s.remaining !== null,
  );
  const worst = [...slos].sort(
    (a, b) => SEVERITY[a.status] - SEVERITY[b.status] || (a.remaining ?? 0) - (b.remaining ?? 0),
  )[0];
  if (!q || !worst)
    return {
      label: serviceId,
      value: 'no data',
      status: 'no-data',
      title: `${serviceId}: no data${q ? ` in ${q.label}` : ''}, ${asOfText(report)}`,
    };
  const left = leftText(worst);
  const of = slos.length === 1 ? '' : ` (lowest of ${slos.length} SLOs)`;
  return {
    label: serviceId,
    value: `${WORDS[worst.status]} · ${left}`,
    status: worst.status,
    title: `${serviceId}: ${WORDS[worst.status]}, ${left} of the ${q.label} error budget${of}, ${asOfText(report)}`,
  };
}

/**
 * Approximate advance widths of Verdana at 11 px (shields.io's font), per character class; the
 * text is then pinned with `textLength`, so any fallback font fills exactly the same box.
 */
function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) {
    if ('iljtfI.,:;!|· '.includes(ch)) w += 3.9;
    else if ('mwMW%'.includes(ch)) w += 10.5;
    else if (ch >= 'A' && ch <= 'Z') w += 7.6;
    else w += 6.8;
  }
  return Math.ceil(w);
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The badge as a standalone SVG document. */
export function badgeSvg(badge: Badge): string {
  const pad = 6;
  const lw = textWidth(badge.label) + 2 * pad;
  const vw = textWidth(badge.value) + 2 * pad;
  const w = lw + vw;
  const title = escapeXml(badge.title);
  const text = (x: number, width: number, s: string): string =>
    `<text x="${x}" y="14" textLength="${width}" lengthAdjust="spacingAndGlyphs">${escapeXml(s)}</text>`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="20" viewBox="0 0 ${w} 20" role="img" aria-label="${title}">`,
    `<title>${title}</title>`,
    `<rect width="${lw}" height="20" rx="3" fill="${LABEL_FILL}"/>`,
    `<rect x="${lw}" width="${vw}" height="20" rx="3" fill="${FILL[badge.status]}"/>`,
    `<rect x="${lw}" width="4" height="20" fill="${FILL[badge.status]}"/>`,
    `<g fill="#fff" font-family="Verdana,'DejaVu Sans',Geneva,sans-serif" font-size="11">`,
    text(pad, lw - 2 * pad, badge.label),
    text(lw + pad, vw - 2 * pad, badge.value),
    `</g>`,
    `</svg>`,
    '',
  ].join('\n');
}

/** Every badge of the site: each SLO, then each service whose id no SLO already took. */
export function allBadges(
  report: LedgerReport,
  sloIds: readonly string[],
  serviceIds: readonly string[],
): Badge[] {
  const taken = new Set(sloIds);
  return [
    ...sloIds.map((id) => sloBadge(report, id)),
    ...serviceIds.filter((id) => !taken.has(id)).map((id) => serviceBadge(report, id)),
  ];
}
