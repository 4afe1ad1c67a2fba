import { Translator } from './translator';

function translator() {
  const i18n = new Translator('es', 'es');
  i18n.addResourceBundle('es', 'translation', {
    greeting: 'Hola, {{name}}',
    learn: { pairs_one: '{{count}} par', pairs_other: '{{count}} pares', none_zero: 'ninguno', none_other: '{{count}}' },
    onlySpanish: 'solo español',
    auditActions: { 'deletion_request.create': 'pidió eliminar la cuenta' },
  });
  i18n.addResourceBundle('en', 'translation', { greeting: 'Hello, {{name}}', learn: { pairs_one: '{{count}} pair', pairs_other: '{{count}} pairs' } });
  return i18n;
}

describe('Translator', () => {
  it('interpolates, and leaves an unknown placeholder visible', () => {
    const i18n = translator();
    expect(i18n.t('greeting', { name: 'Rosa' })).toBe('Hola, Rosa');
    expect(i18n.t('greeting', {})).toBe('Hola, {{name}}');
    expect(i18n.t('auditActions.deletion_request.create')).toBe('pidió eliminar la cuenta');
    expect(i18n.t('constructor')).toBe('constructor');
  });

  it('chooses the plural form by the language rules (not "1 pares")', () => {
    const i18n = translator();
    expect(i18n.t('learn.pairs', { count: 1 })).toBe('1 par');
    expect(i18n.t('learn.pairs', { count: 2 })).toBe('2 pares');
    // Spanish CLDR calls a million "many"; without a _many form the _other form is used.
    expect(i18n.t('learn.pairs', { count: 1_000_000 })).toBe('1000000 pares');
    expect(i18n.t('learn.none', { count: 0 })).toBe('ninguno');
  });

  it('falls back to Spanish, then to the default, then to the key', () => {
    const i18n = translator();
    void i18n.changeLanguage('en');
    expect(i18n.t('learn.pairs', { count: 1 })).toBe('1 pair');
    expect(i18n.t('onlySpanish')).toBe('solo español');
    expect(i18n.t('missing.key', { defaultValue: 'por defecto' })).toBe('por defecto');
    expect(i18n.t('missing.key')).toBe('missing.key');
    // A key that names a group of messages is not a message.
    expect(i18n.t('learn')).toBe('learn');
  });

  it('merges later bundles deeply and tells subscribers', () => {
    const i18n = translator();
    const seen: string[] = [];
    i18n.subscribe(() => seen.push('change'));
    i18n.on('languageChanged', (language) => seen.push(language));
    i18n.addResourceBundle('es', 'translation', { learn: { player: 'Reproductor' } });
    expect(i18n.t('learn.player')).toBe('Reproductor');
    expect(i18n.t('learn.pairs', { count: 3 })).toBe('3 pares');
    void i18n.changeLanguage('en');
    expect(seen).toEqual(['change', 'change', 'en']);
    expect(i18n.getResource('es', 'translation', 'learn.player')).toBe('Reproductor');
  });
});
