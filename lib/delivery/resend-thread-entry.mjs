// The delivery thread's first module (resend-thread.ts starts it): plain JavaScript, so that a
// thread can start wherever the app's TypeScript runs (npm run worker, the send bench, tests).
// It loads the TypeScript through tsx, with the scripts' paths.
import { fileURLToPath } from "node:url";
import { register } from "tsx/esm/api";

register({ tsconfig: fileURLToPath(new URL("../../scripts/tsconfig.json", import.meta.url)) });
await import("./resend-thread-serve.ts");
