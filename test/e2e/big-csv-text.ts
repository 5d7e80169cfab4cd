/** The 20 MB CSV the big-CSV browser test and `npm run bench:csv` choose: two features and a class, 1 240 000 rows. */
export const BIG_CSV_ROWS = 1_240_000;

/** Its text; `brokenLine` (1-based, counting the header) gets a cell that is not a number. */
export function bigCsv(brokenLine: number | null = null): string {
  const lines = ['x,y,label'];
  for (let i = 1; i <= BIG_CSV_ROWS; i++) {
    const x = ((i * 0.618034) % 1).toFixed(4);
    const y = ((i * 0.414214) % 1).toFixed(4);
    lines.push(i + 1 === brokenLine ? `${x},oops,${i % 2}` : `${x},${y},${x > y ? 1 : 0}`);
  }
  return lines.join('\n') + '\n';
}
