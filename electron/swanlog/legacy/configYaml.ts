import { parseDocument } from 'yaml';
import { pyyamlTags } from './pyyamlTags';

export interface YamlResult {
  /** The document as PyYAML FullLoader returns it; null on errors (PyYAML would raise). */
  value: unknown;
  /** Errors (value is null) and warnings such as unknown tags (value kept). */
  problems: string[];
}

/**
 * Parses `files/config.yaml` (written by PyYAML's `yaml.dump`) the way SwanLab reads it back:
 * YAML 1.1 with PyYAML's scalar rules. Timestamps stay strings (FullLoader would build
 * datetime objects, which have no JSON form). Never throws.
 */
export function parseConfigYaml(text: string): YamlResult {
  try {
    const doc = parseDocument(text, {
      version: '1.1',
      customTags: pyyamlTags,
      uniqueKeys: false, // PyYAML keeps the last of repeated keys
      prettyErrors: false,
    });
    const problems = [...doc.errors, ...doc.warnings].map((e) => e.message);
    if (doc.errors.length > 0) return { value: null, problems };
    return { value: doc.toJS({ maxAliasCount: -1 }) as unknown, problems };
  } catch (e) {
    return { value: null, problems: [e instanceof Error ? e.message : String(e)] };
  }
}
