export {main} from './main.js'
export {check} from './check.js'
export {ast} from './ast.js'
export {processOutput, type Output} from './output.js'
