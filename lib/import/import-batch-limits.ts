/** Rows one API request may carry (kept apart so the OpenAPI document needs no database code). */
export const MAX_BATCH_ROWS = 5_000;
