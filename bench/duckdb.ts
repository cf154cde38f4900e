/**
 * What the 5M-row report is measured against: DuckDB doing the same per-series-per-day group-by
 * straight from the CSV, with every core. Prints one JSON line: { groups, good, total }.
 * argv: <csv>
 */
import { DuckDBInstance } from '@duckdb/node-api';

const csv = process.argv[2] ?? '';
const db = await DuckDBInstance.create(':memory:');
const connection = await db.connect();
const result = await connection.runAndReadAll(
  `SELECT series, date_trunc('day', "timestamp") AS day, sum(good) AS good, sum(total) AS total
   FROM read_csv('${csv.replace(/'/g, "''")}', header = true,
     columns = {'timestamp': 'TIMESTAMP', 'series': 'VARCHAR', 'good': 'BIGINT', 'total': 'BIGINT'})
   GROUP BY ALL`,
);
let good = 0;
let total = 0;
for (const row of result.getRowObjects()) {
  good += Number(row['good']);
  total += Number(row['total']);
}
console.log(JSON.stringify({ groups: result.currentRowCount, good, total }));
