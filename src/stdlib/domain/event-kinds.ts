/**
 * One colour and one symbol per event kind, the same in every chart, so a reader learns them
 * once. Kinds a user brings that are not listed here get the fallback palette in order.
 */
export const eventKindStyles: Record<string, {color: string; symbol: string; label: string}> = {
  early_warning: {color: "#d97706", symbol: "triangle", label: "early warning"},
  violence: {color: "#b91c1c", symbol: "times", label: "violence"},
  domestic_event: {color: "#6b7280", symbol: "square", label: "domestic event"},
  diplomatic_action: {color: "#2563eb", symbol: "circle", label: "diplomatic action"},
  mediation: {color: "#0891b2", symbol: "diamond", label: "mediation"},
  sanctions: {color: "#7c3aed", symbol: "star", label: "sanctions"},
  humanitarian: {color: "#16a34a", symbol: "plus", label: "humanitarian"},
  legal_accountability: {color: "#4338ca", symbol: "wye", label: "legal accountability"},
  military_action: {color: "#9f1239", symbol: "asterisk", label: "military action"},
  omission_or_block: {color: "#111827", symbol: "cross", label: "omission or block"}
};

const fallbackColors = ["#0f766e", "#a16207", "#be185d", "#4d7c0f", "#1d4ed8", "#92400e"];
const fallbackSymbols = ["circle", "square", "diamond", "triangle", "star", "wye"];

/** Colour, symbol and label of each kind, known kinds first in their fixed order. */
export function kindScales(kinds: string[]): {domain: string[]; colors: string[]; symbols: string[]; labels: string[]} {
  const known = Object.keys(eventKindStyles).filter((k) => kinds.includes(k));
  const other = kinds.filter((k) => !(k in eventKindStyles)).sort();
  const domain = [...known, ...other];
  const style = (k: string, i: number) =>
    eventKindStyles[k] ?? {color: fallbackColors[i % fallbackColors.length]!, symbol: fallbackSymbols[i % fallbackSymbols.length]!, label: k.replace(/_/g, " ")};
  const styles = domain.map((k) => style(k, other.indexOf(k)));
  return {domain, colors: styles.map((s) => s.color), symbols: styles.map((s) => s.symbol), labels: styles.map((s) => s.label)};
}
