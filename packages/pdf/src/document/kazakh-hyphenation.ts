export {
  hyphenateKazakh,
  hyphenateKazakhWord,
  kazakhBreakPoints,
  kazakhExceptions
} from '@diglot/core'
