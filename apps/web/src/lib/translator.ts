// The app's message lookup. It replaced i18next + react-i18next (16 KB gzip, a sixth of the learner's first-load
// budget) because the app used four of their features: nested keys, {{name}} interpolation, plural suffixes and a
// default. The hard part, plural rules per language, is the platform's own Intl.PluralRules.
type Messages = { [key: string]: string | Messages };
type Options = Record<string, unknown> & { count?: number; defaultValue?: string };
type Listener = (language: string) => void;

export type TFunction = (key: string, options?: Options) => string;

/** Follows a dotted key; a key may itself hold dots (the audit actions are named "deletion_request.create"). */
function lookup(messages: Messages | undefined, key: string): string | Messages | undefined {
  return find(messages, key.split('.'));
}

function find(node: string | Messages | undefined, parts: string[]): string | Messages | undefined {
  if (parts.length === 0) return node;
  if (node === undefined || typeof node === 'string') return undefined;
  for (let take = 1; take <= parts.length; take++) {
    const name = parts.slice(0, take).join('.');
    if (!Object.hasOwn(node, name)) continue;
    const found = find(node[name], parts.slice(take));
    if (found !== undefined) return found;
  }
  return undefined;
}

function deepMerge(target: Messages, source: Messages): Messages {
  for (const [key, value] of Object.entries(source)) {
    const current = target[key];
    target[key] = typeof value === 'object' && typeof current === 'object' ? deepMerge(current, value) : value;
  }
  return target;
}

const pluralRules = new Map<string, Intl.PluralRules>();
function pluralCategory(language: string, count: number): string {
  let rules = pluralRules.get(language);
  if (!rules) pluralRules.set(language, (rules = new Intl.PluralRules(language)));
  return rules.select(count);
}

export class Translator {
  private readonly resources: Record<string, Messages> = {};
  private readonly languageListeners = new Set<Listener>();
  private readonly changeListeners = new Set<() => void>();
  /** Bumped whenever what t() returns may change: hooks re-render on it. */
  revision = 0;

  constructor(
    public language: string,
    private readonly fallbackLanguage: string,
  ) {}

  /** Deep-merges messages into a language (the `namespace` argument is kept for the call sites' readability). */
  addResourceBundle(language: string, _namespace: 'translation', messages: Messages): void {
    deepMerge((this.resources[language] ??= {}), messages);
    this.changed();
  }

  getResource(language: string, _namespace: 'translation', key: string): string | Messages | undefined {
    return lookup(this.resources[language], key);
  }

  async changeLanguage(language: string): Promise<void> {
    this.language = language;
    this.changed();
    for (const listener of this.languageListeners) listener(language);
  }

  on(_event: 'languageChanged', listener: Listener): void {
    this.languageListeners.add(listener);
  }

  /** For useSyncExternalStore: called after any change of language or messages. */
  subscribe = (listener: () => void): (() => void) => {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  };

  /** A missing key returns the default, or else the key itself, so a gap is visible without breaking the page. */
  t: TFunction = (key, options) => {
    const message = this.find(this.language, key, options?.count) ?? this.find(this.fallbackLanguage, key, options?.count);
    const text = message ?? options?.defaultValue ?? key;
    if (!options) return text;
    return text.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (whole, name: string) => (name in options ? String(options[name]) : whole));
  };

  private find(language: string, key: string, count: number | undefined): string | undefined {
    const messages = this.resources[language];
    const candidates = count === undefined ? [key] : [
      ...(count === 0 ? [`${key}_zero`] : []), `${key}_${pluralCategory(language, count)}`, `${key}_other`, key,
    ];
    for (const candidate of candidates) {
      const value = lookup(messages, candidate);
      if (typeof value === 'string') return value;
    }
    return undefined;
  }

  private changed(): void {
    this.revision++;
    for (const listener of this.changeListeners) listener();
  }
}
