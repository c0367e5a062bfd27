/** What the end-to-end tests under test/ need from core (resolved from this package). */
export {alignmentsOf, headingsOf, readContent, works, type Root, type Work} from '@diglot/core'
