/**
 * Whether a fragment (without `#`) is meant as a share link (of any version). Apart from
 * share-link.ts, whose reading and writing of links a reader page loads only when it has one.
 */
export function isShareFragment(fragment: string): boolean {
  return /^(nb|state)\d+\//.test(fragment);
}
