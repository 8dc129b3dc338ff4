import type { TableDoc } from './schema-reader'

/**
 * The database as a Mermaid erDiagram: every table with its columns and keys, and one relation
 * per foreign key ("many to exactly one" when the column is required, "to zero or one" when not).
 */
export function erDiagram(tables: readonly TableDoc[]): string {
  const lines = ['erDiagram']
  for (const table of tables) {
    lines.push(`  ${table.name} {`)
    for (const column of table.columns) {
      const keys = [column.primaryKey ? 'PK' : '', column.references ? 'FK' : '', column.unique ? 'UK' : '']
        .filter(Boolean)
        .join(', ')
      lines.push(`    ${column.sqlType} ${column.name}${keys ? ` ${keys}` : ''}`)
    }
    lines.push('  }')
  }
  for (const table of tables)
    for (const column of table.columns)
      if (column.references)
        lines.push(`  ${table.name} }o--${column.required ? '||' : 'o|'} ${column.references.table} : "${column.name}"`)
  return lines.join('\n')
}
