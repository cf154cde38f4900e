/**
 * data/ledger.yaml — site settings (SPEC §3). Every field has a default; an unknown key is an
 * error because it is almost always a typo.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { DEFAULT_POLICY, type Policy } from '../domain/slo.ts';
import type { Calendar } from '../domain/calendar.ts';
import { isValidTimeZone } from '../domain/zoned-time.ts';
import { dirname } from 'node:path';
import { diagnoseInputFile } from './input-path.ts';
import { diagnose, type Diagnostic } from './diagnostic.ts';
import { localDaySchema } from './local-day.ts';
import { diagnoseSchemaIssues, parseYamlSource } from './yaml-source.ts';

export type Audience = 'public' | 'internal';

export interface Settings {
  title: string;
  organization: string;
  calendar: Calendar;
  audience: Audience;
  severities: string[];
  policy: Policy;
  /** Site-wide low-traffic threshold; when absent each SLO uses 1 / (1 − objective). */
  minEvents: number | null;
  /** Whether postmortems may be MDX (which runs code at build time). */
  allowMdxPostmortems: boolean;
  /** Data and --as-of must fall in [from, to) (UTC years): a stray 1900 or 9999 is a typo. */
  plausibleYears: { from: number; to: number };
  /** `YYYY-MM-DD`: no quarter before it is reported, and no SLO starts before it; null: no floor. */
  reportingSince: string | null;
}

const settingsSchema = z.strictObject({
  /** Site title, e.g. "Acme reliability reviews". */
  title: z.string().min(1).default('Reliability reviews'),
  /** Organisation name shown in the header, e.g. "Acme". */
  organization: z.string().min(1).default('Our organisation'),
  /** IANA zone for quarter boundaries and displayed times, e.g. Europe/London. */
  timezone: z
    .string()
    .refine(isValidTimeZone, { message: 'not an IANA time zone (e.g. Europe/London, America/New_York, UTC)' })
    .default('UTC'),
  /** Month in which Q1 starts, 1–12. */
  fiscalYearStartMonth: z.number().int().min(1).max(12).default(1),
  /** public leaves out internal postmortems and drafts; internal shows everything. */
  audience: z.enum(['public', 'internal']).default('public'),
  /** Allowed postmortem severities, most severe first. */
  severities: z.array(z.string().min(1)).min(1).default(['SEV1', 'SEV2', 'SEV3', 'SEV4']),
  /** Error budget policy shown beside every SLO status. */
  policy: z
    .strictObject({
      /** Remaining budget fraction at or below which an SLO is at risk, e.g. 0.25. */
      atRisk: z.number().min(0).max(1).default(DEFAULT_POLICY.atRisk),
      texts: z
        .strictObject({
          healthy: z.string().min(1).default(DEFAULT_POLICY.texts.healthy),
          atRisk: z.string().min(1).default(DEFAULT_POLICY.texts.atRisk),
          exhausted: z.string().min(1).default(DEFAULT_POLICY.texts.exhausted),
        })
        .prefault({}),
    })
    .prefault({}),
  /** Low-traffic threshold in events per quarter (SPEC §6.5), e.g. 1000. */
  minEvents: z.number().int().positive().optional(),
  /** Allow .mdx postmortems. Off by default: MDX runs code at build time. */
  allowMdxPostmortems: z.boolean().default(false),
  /**
   * The years data may fall in, from 1 January of `from` to 1 January of `to`, e.g. { from: 2000,
   * to: 2100 }. A row dated 1900 or 9999 is a typo that would make hundreds of quarters.
   */
  plausibleYears: z
    .strictObject({
      from: z.number().int().min(1970).max(9999).default(2000),
      to: z.number().int().min(1971).max(10000).default(2100),
    })
    .refine((y) => y.from < y.to, 'from must be before to')
    .prefault({}),
  /** The day reporting starts, e.g. 2025-01-01: earlier quarters get no review. */
  reportingSince: localDaySchema.optional(),
});

export function parseSettings(
  file: string,
  text: string,
): { settings: Settings | null; diagnostics: Diagnostic[] } {
  const { source, diagnostics } = parseYamlSource(file, text);
  if (diagnostics.length > 0) return { settings: null, diagnostics };
  const raw = source.documents[0] ?? {};
  const result = settingsSchema.safeParse(raw ?? {});
  if (!result.success)
    return {
      settings: null,
      diagnostics: diagnoseSchemaIssues(source, result.error, { schema: settingsSchema }),
    };
  const s = result.data;
  return {
    settings: {
      title: s.title,
      organization: s.organization,
      calendar: { timezone: s.timezone, fiscalYearStartMonth: s.fiscalYearStartMonth },
      audience: s.audience,
      severities: s.severities,
      policy: { atRisk: s.policy.atRisk, texts: s.policy.texts },
      minEvents: s.minEvents ?? null,
      allowMdxPostmortems: s.allowMdxPostmortems,
      plausibleYears: s.plausibleYears,
      reportingSince: s.reportingSince ?? null,
    },
    diagnostics: [],
  };
}

/** A missing ledger.yaml is fine: every field has a default. */
export async function readSettings(path: string, display: string) {
  const refusal = await diagnoseInputFile(dirname(path), path, display);
  if (refusal !== null) return { settings: null, diagnostics: [refusal] };
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return parseSettings(display, '{}');
    return {
      settings: null,
      diagnostics: [
        diagnose('file-unreadable', { file: display }, `cannot read ${display}: ${(e as Error).message}`),
      ],
    };
  }
  return parseSettings(display, text);
}
