// The one entry the rest of the app uses to render notices: emails here, letters in lib/letters.
export {
  type LetterRenderInput,
  type LetterRenderOptions,
  renderLetterPdf,
  renderLetters,
} from "@/lib/letters/render-letters";
export {
  DEFAULT_WINDOW,
  validateWindow,
  WINDOW_PRESETS,
  type WindowPosition,
} from "@/lib/letters/window-position";
export { dictionaryFor } from "./dictionary";
export { formatDate, formatDateTime, formatMoney } from "./format";
export { buildNoticeView, type NoticeView } from "./notice-view";
export {
  MAX_EMAIL_BYTES,
  renderEmailConfirmation,
  renderFallbackNotePreview,
  renderNotice,
  renderTestEmail,
} from "./render-email";
export { SAMPLE_BASE_URL, type SampleOptions, sampleNoticeInput } from "./sample-data";
export type * from "./types";
