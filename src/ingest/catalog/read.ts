/**
 * data/slos/: every file of the SLO catalog, whatever its format, joined into one catalog model.
 * A file whose documents carry `apiVersion` is OpenSLO (openslo.ts), any other the native format
 * (native.ts); ids must be unique across files.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { diagnose, type Diagnostic } from '../diagnostic.ts';
import { diagnoseInputFile } from '../input-path.ts';
import { diagnosePulledQueries } from '../prometheus/pulled-query-check.ts';
import { diagnoseForeignSloFormat } from '../slo-import/foreign-format.ts';
import { parseYamlSource, refuseSecondDocument } from '../yaml-source.ts';
import type { Catalog, CatalogEntry, Service } from './model.ts';
import { parseNativeSloSource } from './native.ts';
import { isOpenSloSource, readOpenSloObjects, resolveOpenSlo, type OpenSloObject } from './openslo.ts';

/**
 * Reads every `*.yaml`/`*.yml` in the folder, in name order; ids must be unique across files.
 * A file whose documents carry `apiVersion` is OpenSLO; its objects are joined across all
 * files, since an SLO may name an SLI or Service defined in another file.
 */
export async function readSloCatalog(
  dir: string,
  display: string,
): Promise<{ catalog: Catalog; diagnostics: Diagnostic[] }> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => /\.ya?ml$/.test(n)).sort();
  } catch {
    names = [];
  }
  const refused: Diagnostic[] = [];
  const files: { file: string; text: string }[] = [];
  for (const name of names) {
    const file = `${display}/${name}`;
    const refusal = await diagnoseInputFile(dir, join(dir, name), file);
    if (refusal !== null) refused.push(refusal);
    else files.push({ file, text: await readFile(join(dir, name), 'utf8') });
  }
  const read = parseSloCatalog(files);
  return { catalog: read.catalog, diagnostics: [...refused, ...read.diagnostics] };
}

/** The catalog of several files' texts, in the given order: what readSloCatalog does after reading. */
export function parseSloCatalog(files: readonly { file: string; text: string }[]): {
  catalog: Catalog;
  diagnostics: Diagnostic[];
} {
  const parts: CatalogEntry[] = [];
  const services: Service[] = [];
  const diagnostics: Diagnostic[] = [];
  const openslo: OpenSloObject[] = [];
  for (const { file, text } of files) {
    // OpenSLO files are multi-document by design; a native file holds one document (SPEC §4).
    const { source, diagnostics: syntax } = parseYamlSource(file, text, { multiDocument: true });
    diagnostics.push(...syntax);
    if (syntax.length > 0) continue;
    const foreign = diagnoseForeignSloFormat(source);
    if (foreign !== null) {
      diagnostics.push(foreign);
      continue;
    }
    if (isOpenSloSource(source)) {
      const read = readOpenSloObjects(source);
      diagnostics.push(...read.diagnostics);
      openslo.push(...read.objects);
      continue;
    }
    const second = refuseSecondDocument(source);
    diagnostics.push(...second);
    if (second.length > 0) continue;
    const parsed = parseNativeSloSource(source);
    diagnostics.push(...parsed.diagnostics);
    services.push(...parsed.catalog.services);
    parts.push(...parsed.catalog.entries);
  }
  if (openslo.length > 0) {
    const resolved = resolveOpenSlo(openslo, services);
    diagnostics.push(...resolved.diagnostics);
    services.push(...resolved.services);
    parts.push(...resolved.entries);
  }
  diagnostics.push(...diagnosePulledQueries(parts));
  const catalog: Catalog = { services, entries: [] };
  const seen = new Map<string, CatalogEntry>();
  for (const entry of parts) {
    const first = seen.get(entry.slo.id);
    if (first) {
      diagnostics.push(
        diagnose(
          'duplicate-slo-id',
          { file: entry.file, line: entry.line, column: 1 },
          `SLO id "${entry.slo.id}" is already defined at ${first.file}:${first.line}`,
        ),
      );
      continue;
    }
    seen.set(entry.slo.id, entry);
    catalog.entries.push(entry);
  }
  return { catalog, diagnostics };
}
