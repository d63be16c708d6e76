import {existsSync} from "node:fs";

/** Where an installed Chromium or Chrome usually lives; `CHROMIUM_PATH` comes first. */
const candidates = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
  "/usr/bin/google-chrome-stable",
  "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
  "/Applications/Chromium.app/Contents/MacOS/Chromium"
];

/** Thrown when no browser is installed; its message says how to install one. */
export class ChromiumNotFoundError extends Error {
  constructor() {
    super(
      "No Chromium found. Set CHROMIUM_PATH to a Chromium or Chrome executable, or install one " +
        "(Debian/Ubuntu: apt-get install -y chromium). MAPT never downloads a browser."
    );
    this.name = "ChromiumNotFoundError";
  }
}

/** The path of an installed Chromium: `CHROMIUM_PATH`, else the usual places. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  if (env.CHROMIUM_PATH) {
    if (!existsSync(env.CHROMIUM_PATH)) throw new Error(`CHROMIUM_PATH points to ${env.CHROMIUM_PATH}, which does not exist`);
    return env.CHROMIUM_PATH;
  }
  const found = candidates.find((file) => existsSync(file));
  if (!found) throw new ChromiumNotFoundError();
  return found;
}

/**
 * Flags for headless Chromium on a machine with no network: no background connections, no
 * sandbox (containers run as root), no GPU. WebGPU is on: without a GPU, Chromium's adapter is
 * SwiftShader's (software), so a notebook that computes or draws with WebGPU runs in `check`,
 * `pdf`, `export` and the tests (without the flag, `navigator.gpu.requestAdapter()` gives null).
 */
export const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
  "--enable-unsafe-webgpu"
];
