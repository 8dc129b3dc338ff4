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

/** An FTS5 condition: one of these facet words is among the entry's facets. */
export const anyFacet = (words: readonly string[]) => `{facets} : (${words.map((w) => `"${w}"`).join(' OR ')})`

/** An FTS5 condition on what a person typed: in the entry's own words, never its facets. */
export const inTheWords = (expression: string) => `- {facets} : (${expression})`
