/** The pages of the web edition as hast: a work, the list of works, the glossary and index of names. */
export {workPage} from './work-page.js'
export {indexPage} from './index-page.js'
export {glossaryPage, initialOf} from './glossary-page.js'
export {languageName, pick} from './common.js'
