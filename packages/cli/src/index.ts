export {main} from './main.js'
export {check} from './check.js'
export {ast} from './ast.js'
export {processOutput, type Output} from './output.js'
export {
  build,
  buildFormats,
  formats,
  type BuildCommandOptions,
  type FormatsOptions,
  type FormatRun
} from './build.js'
export {watch, type WatchOptions, type Rebuild} from './watch.js'
export {startPreview, type PreviewServer} from './preview.js'
