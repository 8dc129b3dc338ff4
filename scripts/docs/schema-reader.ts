import fs from 'node:fs'
import path from 'node:path'
import { getTableName, is } from 'drizzle-orm'
import { SQLiteTable, getTableConfig } from 'drizzle-orm/sqlite-core'
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core'
import ts from 'typescript'
import * as schema from '../../src/main/db/schema'

/** One column as the data dictionary and the ER diagram show it. */
export interface ColumnDoc {
  name: string
  sqlType: string
  /** What the application reads: boolean, JSON, one of an enumeration, or the SQL type. */
  meaning: string
  required: boolean
  primaryKey: boolean
  unique: boolean
  references: { table: string; column: string } | null
  description: string
}

export interface TableDoc {
  name: string
  /** The export in src/main/db/schema, as code refers to the table. */
  exportName: string
  file: string
  description: string
  columns: ColumnDoc[]
  indexes: { name: string; columns: string[]; unique: boolean }[]
}

const schemaDir = path.resolve(import.meta.dirname, '../../src/main/db/schema')

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim()

function jsDocOf(node: ts.Node): string {
  const docs = ts.getJSDocCommentsAndTags(node).filter(ts.isJSDoc)
  return oneLine(docs.map((doc) => ts.getTextOfJSDocComment(doc.comment) ?? '').join(' '))
}

/** The comments written beside the schema: per exported table, its own and each column property's. */
function commentsIn(file: string): Map<string, { table: string; columns: Map<string, string>; position: number }> {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true)
  const found = new Map<string, { table: string; columns: Map<string, string>; position: number }>()
  // Columns shared by several tables are written once as a const object (the rollups do so).
  const sharedColumns = new Map<string, ts.ObjectLiteralExpression>()
  for (const statement of source.statements)
    if (ts.isVariableStatement(statement))
      for (const declaration of statement.declarationList.declarations)
        if (declaration.initializer && ts.isObjectLiteralExpression(declaration.initializer))
          sharedColumns.set(declaration.name.getText(source), declaration.initializer)
  for (const statement of source.statements) {
    if (!ts.isVariableStatement(statement)) continue
    for (const declaration of statement.declarationList.declarations) {
      const call = declaration.initializer
      if (!call || !ts.isCallExpression(call) || call.expression.getText(source) !== 'sqliteTable') continue
      const written = call.arguments[1]
      const columnsArg = written && ts.isIdentifier(written) ? sharedColumns.get(written.text) : written
      const columns = new Map<string, string>()
      if (columnsArg && ts.isObjectLiteralExpression(columnsArg))
        for (const property of columnsArg.properties)
          if (property.name) columns.set(property.name.getText(source), jsDocOf(property))
      found.set(declaration.name.getText(source), { table: jsDocOf(statement), columns, position: found.size })
    }
  }
  return found
}

function meaningOf(column: SQLiteColumn): string {
  const sqlType = column.getSQLType()
  if (column.enumValues && column.enumValues.length > 0) return `one of: ${column.enumValues.join(', ')}`
  if (column.dataType === 'boolean') return 'boolean (0 or 1)'
  if (column.dataType === 'json') return 'JSON'
  return sqlType
}

/** Every table of the drizzle schema with the comments written beside it. */
export function readSchema(): TableDoc[] {
  // Tables in the order the schema's index exports their files, then as each file declares them.
  const files = [...fs.readFileSync(path.join(schemaDir, 'index.ts'), 'utf8').matchAll(/from '\.\/([\w-]+)'/g)].map(
    (match) => `${match[1] ?? ''}.ts`,
  )
  const comments = new Map<string, { file: string; order: number; table: string; columns: Map<string, string> }>()
  files.forEach((file, fileIndex) => {
    for (const [exportName, found] of commentsIn(path.join(schemaDir, file)))
      comments.set(exportName, {
        file: `src/main/db/schema/${file}`,
        order: fileIndex * 1000 + found.position,
        ...found,
      })
  })

  const tables: TableDoc[] = []
  for (const [exportName, value] of Object.entries(schema)) {
    if (!is(value, SQLiteTable)) continue
    const config = getTableConfig(value)
    const written = comments.get(exportName)
    const references = new Map<string, { table: string; column: string }>()
    for (const foreignKey of config.foreignKeys) {
      const reference = foreignKey.reference()
      reference.columns.forEach((column, i) => {
        const target = reference.foreignColumns[i]
        if (target) references.set(column.name, { table: getTableName(reference.foreignTable), column: target.name })
      })
    }
    const compositeKey = new Set(config.primaryKeys.flatMap((key) => key.columns.map((column) => column.name)))
    const uniqueSingles = new Set(
      [
        ...config.uniqueConstraints.map((u) => u.columns.map((c) => c.name)),
        ...config.indexes
          .filter((i) => i.config.unique)
          .map((i) => i.config.columns.map((c) => ('name' in c ? c.name : ''))),
      ]
        .filter((columns) => columns.length === 1)
        .map((columns) => columns[0] ?? ''),
    )
    // Columns in the order they are written: the table object keeps its property order.
    const columns = Object.entries(value as unknown as Record<string, unknown>)
      .filter((entry): entry is [string, SQLiteColumn] => config.columns.includes(entry[1] as SQLiteColumn))
      .map(([property, column]) => ({
        name: column.name,
        sqlType: column.getSQLType(),
        meaning: meaningOf(column),
        required: column.notNull,
        primaryKey: column.primary || compositeKey.has(column.name),
        unique: column.isUnique || uniqueSingles.has(column.name),
        references: references.get(column.name) ?? null,
        description: written?.columns.get(property) ?? '',
      }))
    tables.push({
      name: config.name,
      exportName,
      file: written?.file ?? '',
      description: written?.table ?? '',
      columns,
      indexes: config.indexes.map((i) => ({
        name: i.config.name,
        unique: i.config.unique,
        columns: i.config.columns.map((c) => ('name' in c ? c.name : 'expression')),
      })),
    })
  }
  const order = (table: TableDoc) => comments.get(table.exportName)?.order ?? Number.MAX_SAFE_INTEGER
  return tables.sort((a, b) => order(a) - order(b))
}
