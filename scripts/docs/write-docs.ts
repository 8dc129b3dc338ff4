/** `npm run docs`: writes docs/ from the code (the schema, the contract, the policy). */
import fs from 'node:fs'
import path from 'node:path'
import { generateDocs } from './generate'

const root = path.resolve(import.meta.dirname, '../..')
const docsDir = path.join(root, 'docs')
const { version } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }

const files = generateDocs(version)
// The generated folders are wholly generated: a file no longer produced is removed.
fs.rmSync(path.join(docsDir, 'api'), { recursive: true, force: true })
for (const [file, content] of files) {
  fs.mkdirSync(path.dirname(path.join(docsDir, file)), { recursive: true })
  fs.writeFileSync(path.join(docsDir, file), content)
}
console.log(`Wrote ${String(files.size)} files to docs/.`)
