/**
 * Column definitions as stored: one kind (the Graph facet name) with its facet normalised to full
 * defaults, plus where the column comes from. Built-in columns are seeded per list role so that filter,
 * order and select can treat `Created`, `ID` or `FileLeafRef` like any other column.
 */
export type ColumnKind = 'text' | 'number' | 'dateTime' | 'choice' | 'boolean' | 'personOrGroup';

/** custom: added by a caller; builtin: Title (writable); computed: from the item row; managed: kept by the emulator. */
export type ColumnOrigin = 'custom' | 'builtin' | 'computed' | 'managed';

export interface ColumnDef {
  readonly id: string;
  readonly name: string;
  readonly displayName: string;
  readonly description: string;
  readonly kind: ColumnKind;
  readonly facet: Readonly<Record<string, unknown>>;
  readonly origin: ColumnOrigin;
  readonly required: boolean;
  readonly indexed: boolean;
  readonly enforceUniqueValues: boolean;
  readonly hidden: boolean;
  readonly defaultValue: string | null;
}

export type ListRole = 'generic' | 'documents' | 'userInfo';

export const isReadOnly = (c: ColumnDef): boolean => c.origin === 'computed' || c.origin === 'managed';

export const isMultiLine = (c: ColumnDef): boolean =>
  c.kind === 'text' && c.facet['allowMultipleLines'] === true;

export const TEXT_FACET = {
  allowMultipleLines: false,
  appendChangesToExistingText: false,
  linesForEditing: 0,
  maxLength: 255,
};

const sys = (
  id: string,
  name: string,
  displayName: string,
  kind: ColumnKind,
  origin: ColumnOrigin,
  extra: Partial<ColumnDef> = {},
): ColumnDef => ({
  id,
  name,
  displayName,
  description: '',
  kind,
  facet:
    kind === 'text'
      ? TEXT_FACET
      : kind === 'personOrGroup'
        ? PERSON_FACET
        : kind === 'dateTime'
          ? DATE_FACET
          : {},
  origin,
  required: false,
  indexed: false,
  enforceUniqueValues: false,
  hidden: false,
  defaultValue: null,
  ...extra,
});

export const PERSON_FACET = {
  allowMultipleSelection: false,
  chooseFromType: 'peopleOnly',
  displayAs: 'account',
};
export const DATE_FACET = { displayAs: 'default', format: 'dateTime' };

const TITLE = (origin: ColumnOrigin): ColumnDef =>
  sys('fa564e0f-0c70-4ab9-b863-0177e6ddd247', 'Title', 'Title', 'text', origin);

const COMMON: readonly ColumnDef[] = [
  sys('1d22ea11-1e32-424e-89ab-9fedbadb6ce1', 'ID', 'ID', 'number', 'computed', { indexed: true }),
  sys('c042a256-787d-4a6f-8a8a-cf6ab767f12d', 'ContentType', 'Content Type', 'text', 'computed'),
  sys('28cf69c5-fa48-462a-b5cd-27b6f9d2bd5f', 'Modified', 'Modified', 'dateTime', 'computed'),
  sys('8c06beca-0777-48f7-91c7-6da68bc07b69', 'Created', 'Created', 'dateTime', 'computed'),
  sys('1df5e554-ec7e-46a6-901d-d85a3881cb18', 'Author', 'Created By', 'personOrGroup', 'computed'),
  sys('d31655d1-1d5b-4511-95a1-7a09e9b75bf2', 'Editor', 'Modified By', 'personOrGroup', 'computed'),
  sys('dce8262a-3ae9-45aa-aab4-83bd75fb738a', '_UIVersionString', 'Version', 'text', 'computed'),
];

export function builtInColumns(role: ListRole): ColumnDef[] {
  switch (role) {
    case 'generic':
      return [
        TITLE('builtin'),
        ...COMMON,
        sys('67df98f4-9dec-48ff-a553-29bece9c5bf4', 'Attachments', 'Attachments', 'boolean', 'computed'),
      ];
    case 'documents':
      return [
        sys('8553196d-ec8d-4564-9861-3dbe931050c8', 'FileLeafRef', 'Name', 'text', 'managed'),
        TITLE('builtin'),
        ...COMMON,
        sys('78a07ba4-bda8-4357-9e0f-580d64487583', 'FileSizeDisplay', 'File Size', 'text', 'managed'),
      ];
    case 'userInfo':
      return [
        TITLE('managed'),
        sys('fce16b4c-fe53-4793-aaab-b4892e736d15', 'EMail', 'Work email', 'text', 'managed'),
        sys('211a8cfe-0ec8-4d4d-9cd2-5e2a0bcbbd1c', 'UserName', 'User name', 'text', 'managed'),
        sys('c4e0f350-52cc-4ede-904c-dd71a3d11f7d', 'JobTitle', 'Job Title', 'text', 'managed'),
        ...COMMON,
      ];
  }
}

/** The field key a column is read and written under (`OwnerLookupId` for a person column `Owner`). */
export const fieldKeyOf = (c: ColumnDef): string =>
  c.kind === 'personOrGroup' ? `${c.name}LookupId` : c.name;
