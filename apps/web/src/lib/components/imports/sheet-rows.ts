/** A previewed sheet's rows as a form posts them back: `r.<index>.<column>` and `r.<index>.row` (at most 5,000). */
export function cellsFromForm<C extends string>(
  form: FormData,
  columns: readonly C[],
): ({ row: number } & Record<C, string>)[] {
  const count = Number(form.get('count')) || 0;
  return Array.from({ length: Math.min(count, 5000) }, (_, i) => {
    const cell = (c: string): string => {
      const v = form.get(`r.${i}.${c}`);
      return typeof v === 'string' ? v : '';
    };
    const cells = Object.fromEntries(columns.map((c) => [c, cell(c)])) as Record<C, string>;
    return { row: Number(cell('row')) || i + 2, ...cells };
  });
}
