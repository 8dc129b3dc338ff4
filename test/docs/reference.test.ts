import fs from 'node:fs'
import path from 'node:path'
import { Validator } from '@seriousme/openapi-schema-validator'
import { describe, expect, it } from 'vitest'
import { generateDocs } from '../../scripts/docs/generate'
import { fieldApiExample } from '../../scripts/docs/field-api-example'
import { readSchema } from '../../scripts/docs/schema-reader'
import { procedurePaths, procedures } from '../../src/shared/contract/procedures'
import { capabilities, eventNames } from '../../src/shared/contract/reference'

const root = path.resolve(import.meta.dirname, '../..')
const docsDir = path.join(root, 'docs')
const { version } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }
const generated = generateDocs(version)
const read = (file: string) => JSON.parse(generated.get(file) ?? 'null') as Record<string, Record<string, unknown>>

function committedFiles(dir: string, prefix = ''): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) =>
      entry.isDirectory()
        ? committedFiles(path.join(dir, entry.name), `${prefix}${entry.name}/`)
        : [`${prefix}${entry.name}`],
    )
}

describe('the generated reference (docs/)', () => {
  it('is what npm run docs writes today: run it after changing the schema, the contract or the policy', () => {
    const stale = [...generated].filter(
      ([file, content]) =>
        !fs.existsSync(path.join(docsDir, file)) || fs.readFileSync(path.join(docsDir, file), 'utf8') !== content,
    )
    expect(stale.map(([file]) => file)).toEqual([])
    expect(committedFiles(docsDir).sort()).toEqual([...generated.keys()].sort())
  })

  it('gives every procedure and event a JSON Schema, and every procedure a path of the OpenAPI document', () => {
    const defs = read('api/json-schema.json').$defs ?? {}
    const paths = read('api/openapi.json').paths ?? {}
    for (const procedure of procedurePaths) {
      expect(defs[`${procedure}.input`], procedure).toMatchObject({ type: expect.any(String) })
      expect(defs[`${procedure}.output`], procedure).toBeDefined()
      expect(paths[`/api/rpc/${procedure}`], procedure).toHaveProperty('post.operationId', procedure)
    }
    for (const name of eventNames) expect(defs[`event.${name}`], name).toMatchObject({ type: 'object' })
    expect(paths['/api/events']).toHaveProperty('get.responses.200.content.text/event-stream')
  })

  it('writes an OpenAPI 3.1 document the official schema accepts (and the check refuses a broken one)', async () => {
    const document = read('api/openapi.json')
    const validator = new Validator()
    const result = await validator.validate(document)
    expect(result.errors).toBeUndefined()
    expect(result.valid).toBe(true)
    expect(validator.version).toBe('3.1')
    const broken = { ...document, paths: { '/api/rpc/auth.me': { post: { responses: 'none' } } } }
    expect((await new Validator().validate(broken)).valid).toBe(false)
  })

  it('places every procedure on exactly one capability page, with who may call it', () => {
    const placed = capabilities.flatMap((capability) => Object.keys(capability.procedures))
    expect(placed.sort()).toEqual([...procedurePaths].sort())
    for (const capability of capabilities) {
      const page = generated.get(`api/${capability.id}.md`) ?? ''
      for (const procedure of Object.keys(capability.procedures)) {
        expect(page).toContain(`## \`${procedure}\``)
        expect(page).toContain(procedures[procedure as keyof typeof procedures].description)
      }
      expect(page).toContain('**Who may call:**')
    }
  })

  it('shows a field-API example the server would accept, on the readings page', () => {
    const parsed = procedures['readings.ingest'].input.safeParse(fieldApiExample.input)
    expect(parsed.error?.issues).toBeUndefined()
    expect(generated.get('api/readings.md')).toContain(JSON.stringify(fieldApiExample.input))
  })

  it('says what every table and every column holds (the comments beside the schema)', () => {
    const undescribed = readSchema().flatMap((table) => [
      ...(table.description ? [] : [table.name]),
      ...table.columns.filter((column) => !column.description).map((column) => `${table.name}.${column.name}`),
    ])
    expect(undescribed).toEqual([])
  })

  it('draws every table and every foreign key in the ER diagram', () => {
    const diagram = generated.get('er-diagram.md') ?? ''
    for (const table of readSchema()) {
      expect(diagram).toContain(`  ${table.name} {`)
      for (const column of table.columns.filter((c) => c.references))
        expect(diagram).toContain(
          `  ${table.name} }o--${column.required ? '||' : 'o|'} ${column.references?.table} : "${column.name}"`,
        )
    }
  })
})
