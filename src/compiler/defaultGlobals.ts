/**
 * Names a cell may read without them becoming inputs: the JavaScript globals and the browser
 * globals cells commonly use. Window properties that are also common variable names (`name`,
 * `status`, `top`, `parent`, `length`, `event`, `origin`) are deliberately absent, so that a cell
 * defining them is found by the cells that read them.
 */
export const defaultGlobals: ReadonlySet<string> = new Set([
  // ECMAScript
  "AggregateError", "Array", "ArrayBuffer", "Atomics", "BigInt", "BigInt64Array", "BigUint64Array",
  "Boolean", "DataView", "Date", "decodeURI", "decodeURIComponent", "encodeURI", "encodeURIComponent",
  "Error", "escape", "eval", "EvalError", "FinalizationRegistry", "Float32Array", "Float64Array",
  "Function", "globalThis", "Infinity", "Int16Array", "Int32Array", "Int8Array", "Intl", "isFinite",
  "isNaN", "Iterator", "JSON", "Map", "Math", "NaN", "Number", "Object", "parseFloat", "parseInt",
  "Promise", "Proxy", "RangeError", "ReferenceError", "Reflect", "RegExp", "Set", "SharedArrayBuffer",
  "String", "Symbol", "SyntaxError", "TypeError", "Uint16Array", "Uint32Array", "Uint8Array",
  "Uint8ClampedArray", "undefined", "unescape", "URIError", "WeakMap", "WeakRef", "WeakSet",
  // Web platform
  "AbortController", "AbortSignal", "alert", "atob", "AudioContext", "Blob", "BroadcastChannel", "btoa",
  "caches", "cancelAnimationFrame", "cancelIdleCallback", "clearInterval", "clearTimeout", "confirm",
  "console", "createImageBitmap", "crypto", "CSS", "CustomEvent", "devicePixelRatio", "document",
  "DocumentFragment", "DOMParser", "Element", "Event", "EventSource", "EventTarget", "fetch", "File",
  "FileList", "FileReader", "FormData", "getComputedStyle", "Headers", "history", "HTMLElement",
  "Image", "ImageData", "indexedDB", "innerHeight", "innerWidth", "IntersectionObserver", "KeyboardEvent",
  "localStorage", "location", "matchMedia", "MessageChannel", "MouseEvent", "MutationObserver",
  "navigator", "Node", "NodeList", "Notification", "OffscreenCanvas", "performance", "prompt",
  "queueMicrotask", "ReadableStream", "Request", "requestAnimationFrame", "requestIdleCallback",
  "ResizeObserver", "Response", "screen", "scroll", "scrollTo", "scrollX", "scrollY", "self",
  "sessionStorage", "setInterval", "setTimeout", "structuredClone", "SVGElement", "TextDecoder",
  "TextEncoder", "TransformStream", "URL", "URLSearchParams", "WebAssembly", "WebSocket", "window",
  "Worker", "WritableStream", "XMLHttpRequest", "XMLSerializer"
]);
