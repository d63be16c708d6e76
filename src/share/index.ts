export {isShareFragment} from "./is-share-fragment.ts";
export {fromInputValue, toInputValue} from "./input-value.ts";
export {sha256, sha256InJavaScript} from "./sha256.ts";
export {
  decodeShareFragment,
  encodeShareFragment,
  LONG_LINK,
  NOTEBOOK_PREFIX,
  STATE_PREFIX,
  type DecodedLink,
  type FileReference,
  type InputValue,
  type SharePayload
} from "./share-link.ts";
