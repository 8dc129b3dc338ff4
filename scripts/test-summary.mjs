// Prints vitest's JSON results as one plain closing line: "tests: N passed, N failed, N skipped".
import fs from 'node:fs'

const file = process.argv[2] ?? 'out/test-results.json'
const results = JSON.parse(fs.readFileSync(file, 'utf8'))
const skipped = results.numPendingTests + (results.numTodoTests ?? 0)
console.log(`tests: ${results.numPassedTests} passed, ${results.numFailedTests} failed, ${skipped} skipped`)
if (results.numTotalTests === 0) process.exit(1)
