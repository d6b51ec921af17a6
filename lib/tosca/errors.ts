// Structured translation errors. Translators throw `ToscaError`; `translate()` turns them into
// `TemplateError` records with the source line/column looked up from the path.

export type PathSegment = string | number;

export interface TemplateError {
  message: string;
  /** Dotted TOSCA path, e.g. `topology_template.node_templates.CP1.requirements`. */
  path: string;
  line?: number;
  column?: number;
  code?: string;
}

/** Stable error codes, so callers can branch without parsing messages. */
export type ErrorCode =
  | 'yaml_syntax'
  | 'yaml_limits'
  | 'not_a_mapping'
  | 'unknown_type'
  | 'unsupported_type'
  | 'missing_property'
  | 'invalid_value'
  | 'bad_reference'
  | 'missing_input'
  | 'bad_param_values'
  | 'missing_file'
  | 'metadata_not_matched'
  | 'substitution_mappings'
  | 'internal';

export class ToscaError extends Error {
  constructor(
    message: string,
    readonly path: PathSegment[],
    readonly code: ErrorCode,
  ) {
    super(message);
    this.name = 'ToscaError';
  }
}

export function joinPath(path: readonly PathSegment[]): string {
  return path.map(String).join('.');
}
