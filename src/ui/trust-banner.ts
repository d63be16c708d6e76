import type {NotebookRisks} from "./notebook-risks.ts";

/**
 * The notice above a notebook that has not been allowed to run (it came from a link, a file or
 * another browser): its text and code are shown, none of its code runs until the reader clicks
 * Run, and the notice lists what running it would do.
 */
export function showTrustBanner(main: HTMLElement, risks: NotebookRisks, run: () => void): HTMLElement {
  const banner = document.createElement("aside");
  banner.className = "mapt-trust";
  banner.setAttribute("role", "region");
  banner.setAttribute("aria-label", "This notebook has not run");
  const text = document.createElement("p");
  text.textContent = "This notebook came from elsewhere. Its text and code are shown below; none of its code has run. Read it, then run it if you trust it.";
  const list = document.createElement("ul");
  list.className = "mapt-trust-list";
  const item = (label: string, values: Array<string | number>, format: (value: string) => Node | string = (v) => v) => {
    if (!values.length) return;
    const li = document.createElement("li");
    li.append(`${label}: `);
    values.forEach((value, i) => {
      if (i) li.append(", ");
      const code = document.createElement("code");
      code.append(format(String(value)));
      li.append(code);
    });
    list.append(li);
  };
  const cells = risks.codeCells.length;
  item(`${cells} cell${cells === 1 ? "" : "s"} would run code`, risks.codeCells.map((id) => `cell ${id}`));
  item("It mentions these addresses outside this site", risks.addresses);
  item("It asks to read data from these hosts (remote-hosts)", risks.remoteHosts);
  item("It reads these files", risks.files);
  item("It imports", risks.imports);
  if (!list.children.length) {
    const li = document.createElement("li");
    li.textContent = "It has no code: running it only shows its text.";
    list.append(li);
  }
  const button = document.createElement("button");
  button.type = "button";
  button.className = "mapt-trust-run";
  button.textContent = "Run this notebook";
  button.addEventListener("click", run);
  banner.append(text, list, button);
  main.prepend(banner);
  return banner;
}
