/** Walking a message catalog in the tests that check every sentence (parity, escaping, punctuation). */
export type Path = string[];

export const show = (path: Path) => path.join(' / ');

/** Every leaf (string or function) of a catalog, with its path. */
export function leaves(node: unknown, path: Path = []): [Path, unknown][] {
  if (node !== null && typeof node === 'object') return Object.entries(node).flatMap(([k, v]) => leaves(v, [...path, k]));
  return [[path, node]];
}
