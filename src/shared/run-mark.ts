/** The prefix of the `localStorage` key of a notebook's run mark (src/ui/run-marker.ts), which a page's pre-paint guard also reads. */
export const RUN_MARK_PREFIX = "mapt:running:";
