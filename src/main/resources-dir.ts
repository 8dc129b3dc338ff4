import path from 'node:path'

/**
 * `resources/` at the project root. This file lives two levels down both as source
 * (src/main) and as build output (out/main), so the same relative path serves both.
 */
export const resourcesDir = path.resolve(__dirname, '../../resources')
export const migrationsFolder = path.join(resourcesDir, 'migrations')
