/** What the end-to-end tests under test/ need from core (resolved from this package). */
export {alignmentsOf, headingsOf, works, type Root, type Work} from '@diglot/core'
export {readContent} from '@diglot/core/fs'
