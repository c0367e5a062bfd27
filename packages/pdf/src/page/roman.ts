/** A folio in lower-case roman figures (the front matter's: i, ii, … xiv). */
export function roman(value: number): string {
  const table: Array<[number, string]> = [
    [1000, 'm'],
    [900, 'cm'],
    [500, 'd'],
    [400, 'cd'],
    [100, 'c'],
    [90, 'xc'],
    [50, 'l'],
    [40, 'xl'],
    [10, 'x'],
    [9, 'ix'],
    [5, 'v'],
    [4, 'iv'],
    [1, 'i']
  ]
  let rest = value
  let result = ''
  for (const [amount, letters] of table)
    while (rest >= amount) {
      result += letters
      rest -= amount
    }
  return result
}
