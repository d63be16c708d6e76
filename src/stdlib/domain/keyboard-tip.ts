import type * as PlotModule from "@observablehq/plot";

/** Options of {@link keyboardTip}. */
export interface KeyboardTipOptions {
  x: PlotModule.ChannelValue;
  y: PlotModule.ChannelValue;
  /** The tip's text for each datum (lines separated by "\n"). */
  title: (d: any) => string;
  /** What the focusable chart is, read by screen readers along with the key help. */
  label: string;
  /** Called with the text of each tip the keyboard opens (for a live region). */
  announce(text: string): void;
}

/**
 * A Plot tip mark driven by the keyboard, for readers who cannot hover: it makes its chart
 * focusable, and Left/Right (Home/End) step through the data in x order, showing the same Plot
 * tip a pointer would. Escape or leaving the chart hides it; pointer use hides it too, so the
 * pointer's own tip is never doubled.
 */
export function keyboardTipWith(Plot: Pick<typeof PlotModule, "tip">) {
  return (data: Iterable<any>, options: KeyboardTipOptions): PlotModule.Markish => keyboardTip(Plot, data, options);
}

function keyboardTip(Plot: Pick<typeof PlotModule, "tip">, data: Iterable<any>, {x, y, title, label, announce}: KeyboardTipOptions): PlotModule.Markish {
  const rows = Array.from(data);
  return Plot.tip(rows, {
    x,
    y,
    title,
    lineWidth: 28,
    render(index, scales, values, dimensions, context, next) {
      const svg = context.ownerSVGElement;
      const xs = (values.x ?? []) as ArrayLike<number>;
      const order = Array.from(index).sort((i, j) => xs[i]! - xs[j]! || i - j);
      let at = -1;
      let shown = false;
      let g = next!([], scales, values, dimensions, context)!;
      const show = (k: number | null) => {
        shown = k !== null;
        if (k !== null) at = k;
        const node = next!(k === null ? [] : [order[k]!], scales, values, dimensions, context)!;
        g.replaceWith(node);
        g = node;
        if (k !== null) announce(title(rows[order[k]!]));
      };
      svg.setAttribute("tabindex", "0");
      svg.setAttribute("aria-label", `${label}. ${order.length} marks; use the left and right arrow keys to read each one.`);
      svg.addEventListener("focus", () => {
        if (order.length && isFocusVisible(svg)) show(Math.max(at, 0));
      });
      svg.addEventListener("blur", () => shown && show(null));
      svg.addEventListener("pointerenter", () => shown && show(null));
      svg.addEventListener("keydown", (event) => {
        if (!order.length) return;
        const last = order.length - 1;
        const move: Record<string, number> = {ArrowRight: Math.min(at + 1, last), ArrowLeft: Math.max(at - 1, 0), Home: 0, End: last};
        if (event.key in move) show(move[event.key]!);
        else if (event.key === "Escape" && shown) show(null);
        else return;
        event.preventDefault();
      });
      return g;
    }
  });
}

/** Whether focus came from the keyboard (a click also focuses a chart with a tabindex). */
function isFocusVisible(element: Element): boolean {
  try {
    return element.matches(":focus-visible");
  } catch {
    return true; // a DOM without the selector (tests): treat focus as keyboard focus
  }
}
