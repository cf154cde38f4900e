/**
 * A Sloth or Pyrra spec put straight into data/slos/: named as such, with the importer that
 * converts it, instead of a list of unknown keys.
 */
import { diagnose, type Diagnostic } from '../diagnostic.ts';
import type { YamlSource } from '../yaml-source.ts';
import { isPyrraDocument } from './pyrra-spec.ts';
import { isSlothDocument } from './sloth-spec.ts';

export function diagnoseForeignSloFormat(source: YamlSource): Diagnostic | null {
  const index = source.documents.findIndex((d) => isSlothDocument(d) || isPyrraDocument(d));
  if (index < 0) return null;
  const tool = isPyrraDocument(source.documents[index]) ? 'pyrra' : 'sloth';
  const what =
    tool === 'pyrra'
      ? 'a Pyrra ServiceLevelObjective'
      : (source.documents[index] as { apiVersion?: unknown }).apiVersion === 'openslo/v1alpha'
        ? "Sloth's OpenSLO v1alpha"
        : 'a Sloth spec (version: prometheus/v1)';
  return diagnose(
    'foreign-slo-format',
    { file: source.file, ...source.locate([], index) },
    `this is ${what}, not an SLO file the ledger reads`,
    `move it out of data/slos/ (e.g. to slo-specs/) and convert it: npm run import -- ${tool} slo-specs/${source.file.split('/').pop() ?? ''} writes data/slos/<service>.yaml; then npm run pull`,
  );
}
