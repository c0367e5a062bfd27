/** Vitest global setup: bundle the print page's script, so that tests run the current source. */
// @ts-expect-error (a plain ES module script, without types)
import {bundlePage} from '../scripts/bundle-page.js'

export default async function setup(): Promise<void> {
  await (bundlePage as () => Promise<string>)()
}
