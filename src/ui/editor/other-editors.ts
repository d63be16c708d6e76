import {pageId} from "../drafts.ts";

interface Presence {
  key: string;
  page: string;
  /** "hello": starts editing (answer if you edit it too); "here": edits it too; "bye": stopped. */
  say: "hello" | "here" | "bye";
}

/**
 * Tells this page when other pages of this browser edit the same notebook, and tells them about
 * this one: `onChange` receives how many other pages edit it. Returns a function that stops
 * (and says goodbye).
 */
export function watchOtherEditors(key: string, onChange: (others: number) => void): () => void {
  if (typeof BroadcastChannel === "undefined") return () => {};
  const channel = new BroadcastChannel("mapt:editing");
  const others = new Set<string>();
  const say = (what: Presence["say"]) => channel.postMessage({key, page: pageId, say: what} satisfies Presence);
  channel.addEventListener("message", (event: MessageEvent<Presence>) => {
    const {key: other, page, say: what} = event.data;
    if (other !== key || page === pageId) return;
    if (what === "bye") others.delete(page);
    else others.add(page);
    if (what === "hello") say("here");
    onChange(others.size);
  });
  say("hello");
  const bye = () => say("bye");
  addEventListener("pagehide", bye);
  return () => {
    removeEventListener("pagehide", bye);
    bye();
    channel.close();
  };
}
