import { render } from 'preact';
import { t } from '../../src/i18n/messages';
import { localizePage } from '../../src/i18n/ui';
import { Options } from '../../src/options/Options';
import { OPTIONS_SECTIONS } from '../../src/options/sections';
import '../../src/options/options.css';

localizePage(document);
document.title = t('optionsTitle');
const root = document.getElementById('app');
if (root) render(<Options sections={OPTIONS_SECTIONS} />, root);
