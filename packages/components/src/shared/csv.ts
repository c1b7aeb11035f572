/**
 * The package's one CSV guard.
 *
 * @module
 */

/**
 * One CSV cell: quoted when needed, and guarded against formula injection (a cell starting with
 * `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`). Plain numbers such as `-3`
 * are data, not formulas, and are left as they are.
 *
 * @param value - The cell's text.
 */
export function csvCell(value: string): string {
  const guarded =
    /^[=+\-@\t\r]/.test(value) && !/^[+-]?\d+(\.\d+)?$/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}
