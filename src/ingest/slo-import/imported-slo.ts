/**
 * What the Sloth and Pyrra importers read a spec into, before it is written as a native or an
 * OpenSLO file (slo-file-writer.ts). One model for both tools, as Sloth maps its own spec and
 * OpenSLO into one model (STYLE rule 17).
 */
import type { PrometheusQueries } from '../prometheus/sli-prometheus.ts';

export interface ImportedSlo {
  /** Ledger id, e.g. myservice-requests-availability. */
  id: string;
  name: string;
  /** As a fraction, e.g. 0.999. */
  objective: number;
  /** As a percentage, written as the tool wrote it, e.g. 99.9. */
  objectivePercent: number;
  description: string | null;
  /** The tool's SLO window, kept for display, e.g. 30d. */
  window: string;
  queries: PrometheusQueries;
  /** Where it was read, for messages. */
  file: string;
  line: number;
}

export interface ImportedService {
  service: string;
  owner: string | null;
  team: string | null;
  slos: ImportedSlo[];
}

/** Something about an SLO the ledger cannot carry over; the SLO may still be imported without it. */
export interface ImportNote {
  file: string;
  line: number;
  /** The ledger id of the SLO it concerns, or null for the whole file. */
  slo: string | null;
  /** True when the SLO itself could not be imported. */
  dropped: boolean;
  text: string;
}

export interface ImportRead {
  services: ImportedService[];
  notes: ImportNote[];
}

/** Lower-case letters, digits and dashes, as the ledger's ids are. */
export function toLedgerId(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * 99.9, '99.0' or "99.99" → { percent, fraction }; null when it is not a percentage in (0, 100).
 * Both tools write objectives as percentages.
 */
export function readPercent(value: unknown): { percent: number; fraction: number } | null {
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value.trim()) : NaN;
  if (!(n > 0 && n < 100)) return null;
  return { percent: n, fraction: Number((n / 100).toPrecision(12)) };
}

/** Adds SLOs to the service of that id, or a new one, keeping the first owner and team seen. */
export function addToService(services: ImportedService[], add: ImportedService): void {
  const same = services.find((s) => s.service === add.service);
  if (same === undefined) {
    services.push(add);
    return;
  }
  same.owner ??= add.owner;
  same.team ??= add.team;
  same.slos.push(...add.slos);
}
