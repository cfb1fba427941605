/**
 * The Agents Playground's config file (`.m365agentsplayground.yml`, schema version 0.1.1 in package
 * 0.2.28), built from directory people. Its schema (inside the package's dist) is strict: no extra
 * properties, exactly five `users`, at most one extra channel, bot names up to 42 characters.
 */
import type { Person } from '../ports/directory.js';

export const PLAYGROUND_CONFIG_FILE = '.m365agentsplayground.yml';

/** The schema's `users` has minItems 5 and maxItems 5: the group chat is the current user and five others. */
export const PLAYGROUND_OTHER_USERS = 5;

export interface PlaygroundPeople {
  readonly currentUser: Person;
  /** Exactly PLAYGROUND_OTHER_USERS people, none of them the current user. */
  readonly users: readonly Person[];
}

export interface PlaygroundConfigInput extends PlaygroundPeople {
  readonly tenantId: string;
  readonly botId: string;
  readonly botName: string;
  readonly personalChatId: string;
  readonly groupChatId: string;
  readonly groupChatName: string;
}

/**
 * The 1:1 chat id the local SharePoint emulator's Graph gives when it installs the app for someone
 * (`/users/{id}/teamwork/installedApps/{id}/chat`). Using it as the Playground's personal chat id means a
 * card the app sends to a person it installed itself for lands in that person's Personal Chat.
 */
export const installedChatId = (userId: string, botId: string): string =>
  `19:${userId}_${botId}@unq.gbl.spaces`;

export const DEFAULT_GROUP_CHAT_ID = '19:plan-builder-local-group@thread.v2';

/**
 * Fits any list of people to the schema's five: duplicates and the current user are dropped, the first
 * five kept, and too short a list is padded with clearly fictitious guests (the Playground refuses to
 * start otherwise). `left` names who did not fit, so a caller can say so.
 */
export function fitUsers(
  currentUser: Person,
  users: readonly Person[],
): { users: readonly Person[]; left: readonly Person[] } {
  const seen = new Set<string>([currentUser.id]);
  const distinct: Person[] = [];
  for (const person of users) {
    if (seen.has(person.id)) continue;
    seen.add(person.id);
    distinct.push(person);
  }
  const kept = distinct.slice(0, PLAYGROUND_OTHER_USERS);
  for (let n = 1; kept.length < PLAYGROUND_OTHER_USERS; n++) {
    const id = `00000000-0000-4000-8000-9999999999${String(n).padStart(2, '0')}`;
    if (!seen.has(id)) kept.push({ id, displayName: `Guest ${n}`, mail: null, jobTitle: null });
  }
  return { users: kept, left: distinct.slice(PLAYGROUND_OTHER_USERS) };
}

/** YAML's double-quoted scalar is a superset of JSON strings, so JSON.stringify quotes safely. */
const q = (value: string): string => JSON.stringify(value);

function userYaml(person: Person, indent: string): string {
  const words = person.displayName.trim().split(/\s+/);
  const surname = words.length > 1 ? (words.at(-1) ?? '') : '';
  const givenName = words.length > 1 ? words.slice(0, -1).join(' ') : person.displayName;
  const upn = person.mail ?? `${person.id}@local.invalid`;
  // The Playground sends `id` as from.id and `aadObjectId` as from.aadObjectId; the bot identifies people
  // by the latter, and the directory knows them by the same id.
  return [
    `id: ${q(person.id)}`,
    `name: ${q(person.displayName)}`,
    `userPrincipleName: ${q(upn)}`,
    `aadObjectId: ${q(person.id)}`,
    `givenName: ${q(givenName)}`,
    `surname: ${q(surname)}`,
    `email: ${q(person.mail ?? upn)}`,
  ].join(`\n${indent}`);
}

export function playgroundConfigYaml(input: PlaygroundConfigInput): string {
  if (input.users.length !== PLAYGROUND_OTHER_USERS)
    throw new Error(
      `The Playground needs exactly ${PLAYGROUND_OTHER_USERS} other users, not ${input.users.length}`,
    );
  return [
    '# Written by Plan Builder (src/local/playground.ts) for the Microsoft 365 Agents Playground.',
    'version: "0.1.1"',
    `tenantId: ${q(input.tenantId)}`,
    'bot:',
    `  id: ${q(input.botId)}`,
    `  name: ${q(input.botName.slice(0, 42))}`,
    'currentUser:',
    `  ${userYaml(input.currentUser, '  ')}`,
    'users:',
    ...input.users.map((person) => `  - ${userYaml(person, '    ')}`),
    'personalChat:',
    `  id: ${q(input.personalChatId)}`,
    'groupChat:',
    `  id: ${q(input.groupChatId)}`,
    `  name: ${q(input.groupChatName.slice(0, 256))}`,
    'team:',
    '  id: "19:plan-builder-local-team@thread.tacv2"',
    '  name: "Demo Borough"',
    '  aadGroupId: "d1000000-0000-4000-8000-0000000000ff"',
    '  channels:',
    '    - id: "19:plan-builder-local-announcements@thread.tacv2"',
    '      name: "Announcements"',
    '',
  ].join('\n');
}
