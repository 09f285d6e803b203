// Next.js calls register() once when the server starts: the demo's send-run worker runs here
// (lib/sending/start-app-worker.ts decides from RAPPEL_WORKER whether to start it).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startAppWorker } = await import("./lib/sending/start-app-worker");
  await startAppWorker().catch((error: unknown) => {
    console.error("send-run worker did not start:", error instanceof Error ? error.message : error);
  });
}
