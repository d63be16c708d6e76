/** A notice above a notebook that is shown but not run, with a button that runs it. */
export function askBeforeRunning(main: HTMLElement, text: string, run: () => void): HTMLElement {
  const banner = document.createElement("aside");
  banner.className = "mapt-trust mapt-held";
  banner.setAttribute("role", "region");
  banner.setAttribute("aria-label", "This notebook has not run");
  const p = document.createElement("p");
  p.textContent = text;
  const button = document.createElement("button");
  button.type = "button";
  button.className = "mapt-trust-run";
  button.textContent = "Run this notebook";
  button.addEventListener("click", () => {
    banner.remove();
    run();
  });
  banner.append(p, button);
  main.prepend(banner);
  return banner;
}
