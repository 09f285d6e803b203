import { IMPORT_COLUMNS } from "./column-aliases";
import { MAX_BATCH_ROWS } from "./import-batch-limits";
import { REJECTION_REASONS } from "./rejection-reasons";

const DESCRIPTIONS: Record<string, string> = {
  cardNumber: "the patron's library card number (the ILS's patron id)",
  homeBranch: "ILS code of the patron's home branch",
  email: "empty or null: no email address",
  language: "nl, fr or en",
  country: "ISO country code, BE by default",
  preDueOptIn: "true: the patron wants reminders before the due date",
  barcode: "the item's barcode (the ILS's item id)",
  price: "replacement value in euros, e.g. 12.50",
  loanId: "the ILS's id of the loan",
  branch: "ILS code of the lending branch",
  loanedAt: "date and time of the loan, library-local (YYYY-MM-DD HH:MM) or ISO 8601 with offset",
  dueDate: "YYYY-MM-DD or DD/MM/YYYY",
  returnedAt: "date and time of the return; empty: still on loan",
  renewals: "how many times the loan was renewed",
  reserved: "true: another patron reserved the item (it cannot be renewed)",
};

function rowSchema(kind: keyof typeof IMPORT_COLUMNS) {
  const columns = IMPORT_COLUMNS[kind];
  return {
    type: "object",
    required: columns.filter((c) => c.required).map((c) => c.field),
    properties: Object.fromEntries(
      columns.map((c) => [
        c.field,
        {
          type: ["string", "number", "boolean", "null"],
          ...(DESCRIPTIONS[c.field] ? { description: DESCRIPTIONS[c.field] } : {}),
        },
      ]),
    ),
  };
}

const problemResponse = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } },
});

function batchPath(kind: keyof typeof IMPORT_COLUMNS, summary: string) {
  return {
    post: {
      summary,
      operationId: `import${kind[0].toUpperCase()}${kind.slice(1)}`,
      security: [{ bearer: [] }],
      description: `Upserts on the library system's ids; rows unchanged since the last time are counted as unchanged and not written. At most ${MAX_BATCH_ROWS} rows and 5 MB per request. Write scope.`,
      requestBody: {
        required: true,
        content: {
          "application/json": {
            schema: {
              type: "object",
              required: ["rows"],
              properties: {
                rows: {
                  type: "array",
                  maxItems: MAX_BATCH_ROWS,
                  items: { $ref: `#/components/schemas/${kind}Row` },
                },
              },
            },
          },
        },
      },
      responses: {
        "200": {
          description: "What happened to the rows",
          content: { "application/json": { schema: { $ref: "#/components/schemas/BatchResult" } } },
        },
        "400": problemResponse("The body is not JSON or has no rows array"),
        "401": problemResponse("No token, an unknown token or a revoked token"),
        "403": problemResponse("The token has the read scope only"),
        "413": problemResponse("More rows or bytes than a batch may have"),
        "415": problemResponse("Not sent as application/json"),
      },
    },
  };
}

/** The OpenAPI 3.1 description of /api/v1, built from the same column list the import uses. */
export function openApiDocument(serverUrl: string) {
  return {
    openapi: "3.1.0",
    info: {
      title: "Rappel library system API",
      version: "1.0.0",
      description:
        "For the library's integrated library system (ILS): send patrons, items, loans and returns in batches, and read back what happened in Rappel (renewals, email and address changes, dead email addresses, fees) after a cursor. Errors are RFC 9457 problem details.",
    },
    servers: [{ url: serverUrl }],
    components: {
      securitySchemes: {
        bearer: {
          type: "http",
          scheme: "bearer",
          description: "An API token (rpl_...) an admin created under Admin > API tokens",
        },
      },
      schemas: {
        patronsRow: rowSchema("patrons"),
        itemsRow: rowSchema("items"),
        loansRow: rowSchema("loans"),
        returnsRow: rowSchema("returns"),
        BatchResult: {
          type: "object",
          properties: {
            importRunId: { type: "integer" },
            inserted: { type: "integer" },
            updated: { type: "integer" },
            unchanged: { type: "integer" },
            rejected: { type: "integer" },
            rejections: {
              type: "array",
              items: {
                type: "object",
                properties: {
                  index: { type: "integer", description: "position of the row in rows, from 0" },
                  field: { type: ["string", "null"] },
                  reason: { type: "string", enum: Object.keys(REJECTION_REASONS) },
                  message: { type: "string" },
                  value: { type: ["string", "null"] },
                },
              },
            },
          },
        },
        OutboxEntry: {
          type: "object",
          properties: {
            id: { type: "integer", description: "the cursor: ask for entries after the last id you applied" },
            kind: {
              type: "string",
              enum: ["renewal", "email_change", "address_change", "email_dead", "fee_charged"],
            },
            source: { type: "string", description: "desk, patron, feedback or notice" },
            payload: {
              type: "object",
              description: "the ILS's own ids (cardNumber, ilsLoanId, barcode) and the new values",
            },
            createdAt: { type: "string", format: "date-time" },
          },
        },
        Problem: {
          type: "object",
          properties: {
            type: { type: "string" },
            title: { type: "string" },
            status: { type: "integer" },
            detail: { type: "string" },
          },
        },
      },
    },
    paths: {
      "/api/v1/patrons": batchPath("patrons", "Create or update patrons"),
      "/api/v1/items": batchPath("items", "Create or update items"),
      "/api/v1/loans": batchPath("loans", "Create or update loans"),
      "/api/v1/returns": batchPath("returns", "Mark loans returned"),
      "/api/v1/outbox": {
        get: {
          summary: "What happened in Rappel since a cursor",
          operationId: "readOutbox",
          security: [{ bearer: [] }],
          parameters: [
            {
              name: "after",
              in: "query",
              schema: { type: "integer", minimum: 0, default: 0 },
              description: "the last id you read",
            },
            {
              name: "limit",
              in: "query",
              schema: { type: "integer", minimum: 1, maximum: 1000, default: 100 },
            },
          ],
          responses: {
            "200": {
              description: "Entries after the cursor, oldest first",
              content: {
                "application/json": {
                  schema: {
                    type: "object",
                    properties: {
                      entries: { type: "array", items: { $ref: "#/components/schemas/OutboxEntry" } },
                      nextCursor: { type: "integer" },
                    },
                  },
                },
              },
            },
            "400": problemResponse("after or limit is not a valid number"),
            "401": problemResponse("No token, an unknown token or a revoked token"),
          },
        },
      },
    },
  };
}
