/** Where e2e/serve.ts leaves the address of the scratch database the browser tests run against. */
export const E2E_DATABASE_FILE = ".test-results/e2e-database.json";
