/** Whether a database error is a unique or primary key violation (PostgreSQL 23505, SQLite SQLITE_CONSTRAINT*). */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as any)?.code;
  return code === '23505' || (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT'));
}
