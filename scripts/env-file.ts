/**
 * The Agents Toolkit's environment files (`env/.env.<name>`) and its `${{NAME}}` placeholders, read the way
 * the toolkit reads them, so `npm run package` builds the same manifest the toolkit's zip action does.
 */

export interface EnvFile {
  readonly values: Readonly<Record<string, string>>;
  /** Lines that are neither blank, a comment nor KEY=VALUE; a typo here would silently drop a setting. */
  readonly problems: readonly string[];
}

const LINE = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/;

export function parseEnvFile(text: string): EnvFile {
  const values: Record<string, string> = {};
  const problems: string[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const match = LINE.exec(line);
    if (!match) {
      problems.push(`line ${index + 1} is not KEY=VALUE: ${line}`);
      return;
    }
    const key = match[1] ?? '';
    let value = (match[2] ?? '').trim();
    if (value.length >= 2 && /^(['"]).*\1$/.test(value)) value = value.slice(1, -1);
    if (key in values) problems.push(`line ${index + 1} sets ${key} a second time`);
    values[key] = value;
  });
  return { values, problems };
}

const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/** Every placeholder name in a template, once each, in order of first use. */
export function placeholdersIn(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1] ?? ''))];
}

export interface Filled {
  readonly text: string;
  /** Placeholders with no entry at all; an empty value is allowed (e.g. APP_NAME_SUFFIX in production). */
  readonly missing: readonly string[];
}

/** Fills placeholders inside a JSON document; values are escaped so a quote cannot break the JSON. */
export function fillJsonPlaceholders(template: string, values: Readonly<Record<string, string>>): Filled {
  const missing = new Set<string>();
  const text = template.replace(PLACEHOLDER, (_whole, name: string) => {
    const value = values[name];
    if (value === undefined) {
      missing.add(name);
      return '';
    }
    return JSON.stringify(value).slice(1, -1);
  });
  return { text, missing: [...missing] };
}
