/**
 * Template lookup for the renderers (Node.js; the `@diglot/core/fs` entry):
 * each renderer ships its templates and styles in its package; a user's
 * templates folder (`<dir>/<format>/<name>`) overrides any of them, file by file.
 */
import {readFile, stat} from 'node:fs/promises'
import path from 'node:path'

/** Where a renderer finds a template. */
export interface TemplateLookup {
  /** The edition format, the name of its subfolder in an override folder: `html`, `epub`, `pdf`. */
  format: string
  /** The folder of the templates shipped in the renderer package. */
  shipped: string
  /** A user's templates folder; its `<format>/<name>` replaces the shipped file (default: none). */
  templatesDir?: string | undefined
}

/**
 * The path of template `name`: the override when the templates folder has it, else the shipped file.
 *
 * @returns An absolute or `shipped`-relative path that exists unless the shipped file is missing.
 */
export async function templatePath(name: string, lookup: TemplateLookup): Promise<string> {
  if (lookup.templatesDir !== undefined) {
    const override = path.join(lookup.templatesDir, lookup.format, name)
    try {
      if ((await stat(override)).isFile()) return override
    } catch {
      // No override: the shipped file.
    }
  }
  return path.join(lookup.shipped, name)
}

/** Read template `name` as bytes (the override when there is one). */
export async function readTemplate(name: string, lookup: TemplateLookup): Promise<Buffer> {
  return readFile(await templatePath(name, lookup))
}
