/**
 * The facet words the audit search index holds for each entry's person, action and entity
 * (migration 0023 writes them in SQL; these write the same ones for a query). Hex keeps any value
 * one word of letters and digits, as FTS5's tokenizer will see it.
 */
const hex = (text: string) => Buffer.from(text, 'utf8').toString('hex')

export const facetOf = {
  person: (actorId: number) => `p${String(actorId)}`,
  action: (action: string) => `a${hex(action)}`,
  entityType: (entityType: string) => `t${hex(entityType)}`,
  entityId: (entityId: string) => `i${hex(entityId)}`,
}

/** Block sizes (as powers of two) each entry's seq is indexed under, largest first. */
const blockBits = [20, 16, 12, 8] as const
const smallest = 2 ** 8

/**
 * The block facet words covering the seqs lo..hi: from lo up, the largest aligned block that fits,
 * else the smallest block holding the next seq (a few seqs beyond the range, which the entry's own
 * seq conditions drop). A few dozen words for any range of a million entries.
 */
export function blocksCovering(lo: number, hi: number): string[] {
  const words: string[] = []
  for (let at = lo; at <= hi;) {
    const fits = blockBits.find((bits) => at % 2 ** bits === 0 && at + 2 ** bits - 1 <= hi)
    const bits = fits ?? 8
    const block = Math.floor(at / 2 ** bits)
    words.push(`b${String(bits)}n${String(block)}`)
    at = fits === undefined ? (block + 1) * smallest : at + 2 ** bits
  }
  return words
}

/** An FTS5 condition: one of these facet words is among the entry's facets. */
export const anyFacet = (words: readonly string[]) => `{facets} : (${words.map((w) => `"${w}"`).join(' OR ')})`

/** An FTS5 condition on what a person typed: in the entry's own words, never its facets. */
export const inTheWords = (expression: string) => `- {facets} : (${expression})`
