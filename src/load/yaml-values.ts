// YAML text as values, read the way YAML 1.2's core schema says, for records and catalogues alike. js-yaml
// reads the values (about ten times faster than the yaml package); the yaml package finds positions and words
// parse errors (src/load/yaml-source.ts, catalogues.ts), and test/load/markdown.test.ts holds the two to agreeing.
import yaml from 'js-yaml';

// js-yaml's core schema reads 0b101, +0x1F and -0o7 as numbers and +.5 as text; YAML 1.2's core schema, which
// the yaml package behind positions follows, says the opposite. These two follow the spec.
const coreInt = new yaml.Type('tag:yaml.org,2002:int', {
  kind: 'scalar',
  resolve: (text: string) => /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$/.test(text),
  construct: (text: string) => (text.startsWith('0o') ? parseInt(text.slice(2), 8) : text.startsWith('0x') ? parseInt(text.slice(2), 16) : parseInt(text, 10)),
});
const coreFloat = new yaml.Type('tag:yaml.org,2002:float', {
  kind: 'scalar',
  resolve: (text: string) => /^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/.test(text),
  construct: (text: string) => (/nan$/i.test(text) ? Number.NaN : /inf$/i.test(text) ? (text.startsWith('-') ? -Infinity : Infinity) : parseFloat(text)),
});

/** YAML 1.2's core schema, as the yaml package reads it; js-yaml's own types replaced where they differ. */
const yamlCoreSchema = yaml.CORE_SCHEMA.extend({ implicit: [coreInt, coreFloat] });

/**
 * The values of a YAML text: strings stay strings (timestamps included), numbers, booleans and nulls as YAML
 * 1.2's core schema says; null for an empty text. Throws js-yaml's error (with its `mark`) on invalid YAML.
 *
 * @example yamlValues('impact: +.5\nid: 0b101') // { impact: 0.5, id: '0b101' }
 */
export function yamlValues(text: string): unknown {
  return yaml.load(text, { schema: yamlCoreSchema }) ?? null;
}
