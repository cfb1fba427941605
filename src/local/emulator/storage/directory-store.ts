/**
 * Directory users and groups as stored rows.
 */
import type { DirectoryUser } from './user-info-list.js';
import type { Store } from './sqlite-store.js';

export interface DirectoryGroup {
  readonly id: string;
  readonly displayName: string;
  readonly memberIds: readonly string[];
}

interface UserRow {
  readonly id: string;
  readonly display_name: string;
  readonly mail: string;
  readonly upn: string;
  readonly job_title: string | null;
}

const toUser = (r: UserRow): DirectoryUser => ({
  id: r.id,
  displayName: r.display_name,
  mail: r.mail,
  userPrincipalName: r.upn,
  jobTitle: r.job_title,
});

export function upsertUserRow(store: Store, u: DirectoryUser): void {
  store.run(
    `INSERT INTO users (id, display_name, mail, upn, job_title) VALUES (?,?,?,?,?)
     ON CONFLICT (id) DO UPDATE SET display_name = excluded.display_name, mail = excluded.mail,
       upn = excluded.upn, job_title = excluded.job_title`,
    u.id,
    u.displayName,
    u.mail,
    u.userPrincipalName,
    u.jobTitle,
  );
}

/** Users in id order, which is also the paging order. */
export function allUsers(store: Store): DirectoryUser[] {
  return store
    .all<UserRow>('SELECT id, display_name, mail, upn, job_title FROM users ORDER BY id')
    .map(toUser);
}

/** By object id, or by UPN without regard to case, as `/users/{id | userPrincipalName}` allows. */
export function findUser(store: Store, idOrUpn: string): DirectoryUser | undefined {
  const row =
    store.get<UserRow>('SELECT id, display_name, mail, upn, job_title FROM users WHERE id = ?', idOrUpn) ??
    store.get<UserRow>(
      'SELECT id, display_name, mail, upn, job_title FROM users WHERE lower(upn) = lower(?)',
      idOrUpn,
    );
  return row === undefined ? undefined : toUser(row);
}

export function upsertGroupRow(store: Store, g: DirectoryGroup): void {
  store.run(
    `INSERT INTO groups (id, display_name, member_ids) VALUES (?,?,?)
     ON CONFLICT (id) DO UPDATE SET display_name = excluded.display_name, member_ids = excluded.member_ids`,
    g.id,
    g.displayName,
    JSON.stringify(g.memberIds),
  );
}

export function findGroup(store: Store, id: string): DirectoryGroup | undefined {
  const r = store.get<{ id: string; display_name: string; member_ids: string }>(
    'SELECT id, display_name, member_ids FROM groups WHERE id = ?',
    id,
  );
  return r === undefined
    ? undefined
    : { id: r.id, displayName: r.display_name, memberIds: JSON.parse(r.member_ids) as string[] };
}
