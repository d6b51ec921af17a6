// A VNFD's template as Trellis stores it: YAML text, validated by the same translator that
// deploys it, with the errors located at TOSCA path, line and column.
import { parse, stringify } from 'yaml';
import { translate, type TemplateError } from '@/lib/tosca';
import { ApiError } from '../api/errors';

/**
 * YAML text of a template sent as text (kept verbatim: comments and layout survive, and error
 * lines refer to what the user wrote) or as an object (python-tackerclient; serialized once).
 */
export function templateText(vnfd: string | Record<string, unknown>): string {
  return typeof vnfd === 'string' ? vnfd : stringify(vnfd, { lineWidth: 0, aliasDuplicateObjects: false });
}

/** "path (line L, column C): message" — one line per error, for messages and logs. */
export function describeTemplateError(e: TemplateError): string {
  const where = [e.path || '(document)', e.line !== undefined ? `line ${e.line}, column ${e.column ?? 1}` : ''].filter(Boolean).join(' at ');
  return `${where}: ${e.message}`;
}

/** 400 listing every translator error with path, line and column (Tacker's ToscaParserFailed). */
export function invalidTemplate(errors: TemplateError[]): ApiError {
  const detail = errors.map((e) => ({ path: e.path, line: e.line ?? null, column: e.column ?? null, message: e.message, ...(e.code ? { code: e.code } : {}) }));
  return new ApiError(400, 'ToscaParserFailed', `Invalid VNFD: ${errors.map(describeTemplateError).join('; ')}`, detail);
}

export interface CheckedTemplate {
  text: string;
  /** metadata.template_name, the default VNFD name. */
  templateName: string | null;
  description: string | null;
}

/** Translates the template once; throws `invalidTemplate` if the translator found errors. */
export function checkTemplate(vnfd: string | Record<string, unknown>): CheckedTemplate {
  const text = templateText(vnfd);
  const result = translate(text);
  if (result.errors.length) throw invalidTemplate(result.errors);
  const data = typeof vnfd === 'string' ? null : vnfd;
  return { text, ...templateFacts(data ?? parseForFacts(text)) };
}

function parseForFacts(text: string): Record<string, unknown> {
  // Translation succeeded, so the text is a YAML mapping.
  return (parse(text) ?? {}) as Record<string, unknown>;
}

function templateFacts(data: Record<string, unknown>): { templateName: string | null; description: string | null } {
  const metadata = data.metadata as Record<string, unknown> | undefined;
  const name = metadata && typeof metadata.template_name === 'string' ? metadata.template_name : null;
  const description = typeof data.description === 'string' ? data.description.trim() : null;
  return { templateName: name, description };
}
