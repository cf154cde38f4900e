/**
 * data/exclusions.yaml — planned maintenance and data corrections left out of every figure
 * (SPEC §6.6). Each window keeps its reason and approver so the budget arithmetic is auditable.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { instantSchema } from './instant.ts';
import { dirname } from 'node:path';
import { diagnoseInputFile } from './input-path.ts';
import { diagnose, type Diagnostic } from './diagnostic.ts';
import { diagnoseSchemaIssues, parseYamlSource } from './yaml-source.ts';

export interface Exclusion {
  slos: string[];
  services: string[];
  startMs: number;
  endMs: number;
  reason: string;
  approvedBy: string;
}

const instant = instantSchema;

const exclusionSchema = z
  .strictObject({
    /** SLO ids the window applies to, e.g. [checkout-availability]. */
    slos: z.array(z.string().min(1)).optional(),
    /** Or every SLO of these services, e.g. [checkout-api]. */
    services: z.array(z.string().min(1)).optional(),
    start: instant,
    end: instant,
    /** Why, e.g. "Planned database migration, announced two weeks ahead". */
    reason: z.string().min(1),
    /** Who approved it, e.g. Dana Ruiz. */
    approvedBy: z.string().min(1),
  })
  .refine((x) => (x.slos?.length ?? 0) + (x.services?.length ?? 0) > 0, {
    message: 'name the slos: or services: the window applies to',
  })
  .refine((x) => x.end > x.start, { message: 'end must be after start', path: ['end'] });

const fileSchema = z.array(exclusionSchema).nullable();

export function parseExclusions(
  file: string,
  text: string,
): { exclusions: Exclusion[]; diagnostics: Diagnostic[] } {
  const { source, diagnostics } = parseYamlSource(file, text);
  if (diagnostics.length > 0) return { exclusions: [], diagnostics };
  const result = fileSchema.safeParse(source.documents[0] ?? null);
  if (!result.success)
    return {
      exclusions: [],
      diagnostics: diagnoseSchemaIssues(source, result.error, { schema: fileSchema }),
    };
  return {
    exclusions: (result.data ?? []).map((x) => ({
      slos: x.slos ?? [],
      services: x.services ?? [],
      startMs: x.start,
      endMs: x.end,
      reason: x.reason,
      approvedBy: x.approvedBy,
    })),
    diagnostics: [],
  };
}

export async function readExclusions(path: string, display: string) {
  const refusal = await diagnoseInputFile(dirname(path), path, display);
  if (refusal !== null) return { exclusions: [], diagnostics: [refusal] };
  try {
    return parseExclusions(display, await readFile(path, 'utf8'));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { exclusions: [], diagnostics: [] };
    return {
      exclusions: [],
      diagnostics: [diagnose('file-unreadable', { file: display }, (e as Error).message)],
    };
  }
}
