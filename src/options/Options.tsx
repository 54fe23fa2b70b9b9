import type { ComponentType } from 'preact';
import { type MessageKey, t } from '../i18n/messages';
import { uiDirection, uiLanguage } from '../i18n/ui';

/**
 * One part of the options page: its own component under its own heading, reached from the page's list of
 * sections. A new part (the knowledge sources of issue 6, say) is one more entry in `OPTIONS_SECTIONS`
 * (src/options/sections.ts); the page itself does not change.
 */
export interface OptionsSection {
  /** The section's anchor, unique on the page. */
  id: string;
  title: MessageKey;
  component: ComponentType;
}

/** The options page: its title, what it promises about privacy, a list of its sections, and the sections. */
export function Options({ sections }: { sections: readonly OptionsSection[] }) {
  return (
    <div class="options" data-testid="options" lang={uiLanguage()} dir={uiDirection()}>
      <header class="options-header">
        <h1>{t('optionsTitle')}</h1>
        <p class="muted">{t('optionsPrivacy')}</p>
      </header>
      <nav class="options-nav" aria-label={t('optionsSections')}>
        <ul>
          {sections.map((section) => (
            <li key={section.id}>
              <a href={`#${section.id}`}>{t(section.title)}</a>
            </li>
          ))}
        </ul>
      </nav>
      <main class="options-main">
        {sections.map(({ id, title, component: Section }) => (
          <section key={id} id={id} class="card options-section" aria-labelledby={`${id}-title`}>
            <h2 id={`${id}-title`}>{t(title)}</h2>
            <Section />
          </section>
        ))}
      </main>
    </div>
  );
}
