// Editable wording: placeholders, validation and rendering. No database access here, so the
// wording editor can validate as the librarian types; storage is in notice-text-store.ts.
export { DEFAULT_NOTICE_TEXTS } from "./default-texts";
export { type ParsedTemplate, parseTemplate, type TemplateProblem } from "./parse-template";
export {
  isPlaceholderKey,
  PLACEHOLDER_KEYS,
  PLACEHOLDERS,
  type PlaceholderKey,
  type PlaceholderValues,
} from "./placeholders";
export { renderTemplate, TemplateError } from "./render-template";
export {
  type ResolvedWording,
  resolveWording,
  type WordingOverride,
  type WordingSource,
} from "./resolve-wording";
export {
  type NoticeWording,
  validateWording,
  WORDING_LIMITS,
  type WordingField,
  type WordingProblem,
} from "./validate-wording";
