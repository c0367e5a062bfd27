/**
 * `@diglot/core/fs`: read works and content folders from disk (Node.js), as
 * `to-vfile` is apart from `vfile`. Everything else is in the main entry,
 * which runs anywhere (browser, editor extension, worker).
 */
export {
  readWork,
  readContent,
  ReadCache,
  type ReadOptions,
  type WorkBuilder,
  type WorkSource,
  type GlossarySource
} from './read.js'
export {readTemplate, templatePath, type TemplateLookup} from './templates.js'
