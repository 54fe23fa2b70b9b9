import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n/messages';
import { LIMITS } from '../model/limits';
import { saveSettings, useSettings } from '../settings/settings';

/** The agent's name, for `{{agent.name}}` in answers where the helpdesk page does not show who is signed in. */
export function GeneralSection() {
  const settings = useSettings();
  const [name, setName] = useState('');
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    if (settings) setName(settings.agentName);
  }, [settings?.agentName]);

  const save = (agentName: string) => {
    void saveSettings({ agentName }).then(() => setSaved(true));
  };

  return (
    <form
      class="field"
      onSubmit={(event) => {
        event.preventDefault();
        save(name);
      }}
    >
      <label for="agent-name">{t('optionsYourName')}</label>
      <input
        id="agent-name"
        type="text"
        data-testid="options-agent-name"
        autocomplete="name"
        maxLength={LIMITS.short}
        aria-describedby="agent-name-hint"
        value={name}
        disabled={!settings}
        onInput={(event) => {
          setName((event.target as HTMLInputElement).value);
          setSaved(false);
        }}
        onChange={(event) => save((event.target as HTMLInputElement).value)}
      />
      <p id="agent-name-hint" class="muted">
        {t('optionsYourNameHint')}
      </p>
      <p role="status" class="muted">
        {saved ? t('optionsSaved') : ''}
      </p>
    </form>
  );
}
