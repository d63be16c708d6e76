import type {Identifier, Pattern} from "acorn";

/**
 * The identifiers a binding or assignment pattern writes to (`a`, `{b: [c], ...d}` gives a, c, d),
 * skipping member targets (`o.x = 1` writes no variable).
 */
export function patternIdentifiers(pattern: Pattern): Identifier[] {
  switch (pattern.type) {
    case "Identifier":
      return [pattern];
    case "ObjectPattern":
      return pattern.properties.flatMap((property) =>
        patternIdentifiers(property.type === "RestElement" ? property.argument : property.value)
      );
    case "ArrayPattern":
      return pattern.elements.flatMap((element) => (element ? patternIdentifiers(element) : []));
    case "RestElement":
      return patternIdentifiers(pattern.argument);
    case "AssignmentPattern":
      return patternIdentifiers(pattern.left);
    case "MemberExpression":
      return [];
    default:
      return [];
  }
}
