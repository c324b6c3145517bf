import type postgres from 'postgres'

type Connection = postgres.Sql | postgres.ReservedSql | postgres.TransactionSql

/** A notification written straight into the table, as any server's writer does; its id. */
export async function insertNotification(sql: Connection, userId: string, title = 'test'): Promise<number> {
  const [row] = await sql<{ id: string }[]>`INSERT INTO notifications (user_id, kind, title, body) VALUES (${userId}, 'test', ${title}, 'b') RETURNING id`
  return Number(row!.id)
}

/** A committed notification's delivery_seq (set as its transaction commits, so RETURNING cannot give it). */
export async function deliverySeqOf(sql: Connection, id: number): Promise<number> {
  const [row] = await sql<{ delivery_seq: string }[]>`SELECT delivery_seq FROM notifications WHERE id = ${id}`
  return Number(row!.delivery_seq)
}
