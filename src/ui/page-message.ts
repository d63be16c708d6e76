/** A message at the top of the notebook (a link that cannot open, a file that is missing). */
export function showPageMessage(main: HTMLElement, text: string, className = "mapt-page-message"): HTMLElement {
  const aside = document.createElement("aside");
  aside.className = className;
  aside.setAttribute("role", "alert");
  const p = document.createElement("p");
  p.textContent = text;
  aside.append(p);
  main.prepend(aside);
  return aside;
}
