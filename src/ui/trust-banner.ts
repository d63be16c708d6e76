/**
 * The notice above a notebook that has not been allowed to run (it came from a link, a file or
 * another browser): its code is shown, nothing of it runs until the reader clicks Run.
 */
export function showTrustBanner(main: HTMLElement, run: () => void): HTMLElement {
  const banner = document.createElement("aside");
  banner.className = "mapt-trust";
  banner.setAttribute("role", "region");
  banner.setAttribute("aria-label", "This notebook has not run");
  const text = document.createElement("p");
  text.textContent = "This notebook came from elsewhere. Its text and code are shown; none of its code has run. Read it, then run it if you trust it.";
  const button = document.createElement("button");
  button.type = "button";
  button.className = "mapt-trust-run";
  button.textContent = "Run this notebook";
  button.addEventListener("click", run);
  banner.append(text, button);
  main.prepend(banner);
  return banner;
}
