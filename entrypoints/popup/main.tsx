import { render } from 'preact';
import { localizePage } from '../../src/i18n/ui';
import { Popup } from '../../src/popup/Popup';
import '../../src/popup/popup.css';

localizePage(document);
const root = document.getElementById('app');
if (root) render(<Popup />, root);
