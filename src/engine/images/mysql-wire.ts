/**
 * How a MySQL client and the simulated server talk across the pod network. The network carries
 * only request/answer exchanges, so a login is one exchange on port 3306 whose headers hold the
 * handshake's user, password and default database; the server answers with its error packet text.
 */
export const MYSQL_PORT = 3306;
export const LOGIN_HEADER = 'x-mysql-login';

export interface MysqlLogin {
  user: string;
  password: string;
  database: string;
}

/** The request headers of a login. */
export function loginHeaders(login: MysqlLogin): Record<string, string> {
  return { [LOGIN_HEADER]: JSON.stringify(login) };
}

/** The login a request carries, or undefined for anything that is not a MySQL client. */
export function readLogin(headers: Record<string, string>): MysqlLogin | undefined {
  const raw = headers[LOGIN_HEADER];
  if (raw === undefined) return undefined;
  try {
    const parsed = JSON.parse(raw) as Partial<MysqlLogin>;
    return { user: String(parsed.user ?? ''), password: String(parsed.password ?? ''), database: String(parsed.database ?? '') };
  } catch {
    return undefined;
  }
}
