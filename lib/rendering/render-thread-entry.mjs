// The render thread's first module (render-thread.ts starts it): plain JavaScript, so that a
// thread can start wherever the app's TypeScript runs (npm run worker, tests). It loads the
// TypeScript through tsx, with the scripts' paths (server-only is an empty module outside Next).
import { fileURLToPath } from "node:url";
import { register } from "tsx/esm/api";

register({ tsconfig: fileURLToPath(new URL("../../scripts/tsconfig.json", import.meta.url)) });
await import("./render-thread-serve.ts");
