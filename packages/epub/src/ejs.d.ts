declare module 'ejs' {
  /** Render an EJS template with `data` (ejs 3; only what the EPUB edition uses). */
  export function render(template: string, data?: Record<string, unknown>): string
  const ejs: {render: typeof render}
  export default ejs
}
