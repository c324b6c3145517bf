/**
 * Evens out what different extractors and editors produce so the parsers see
 * one shape: "\n" line ends, plain spaces, straight quotes, tabs as a column gap.
 */
export function normalizeResumeText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u200B-\u200D\uFEFF\u00AD]/g, '')
    .replace(/[\u00A0\u2007\u202F]/g, ' ')
    .replace(/[\u2018\u2019\u02BC\u0060\u00B4]/g, "'")
    .replace(/[\u201C\u201D]/g, '"')
    .replace(/\t+/g, '   ')
    .replace(/[ ]+$/gm, '')
}
