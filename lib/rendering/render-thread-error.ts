/**
 * The render thread itself failed (it could not start, or it ended): no notice's fault
 * (render-thread.ts). Apart from the thread, so that the app's code can recognise it without
 * importing the thread.
 */
export class RenderThreadError extends Error {
  override name = "RenderThreadError";
}
