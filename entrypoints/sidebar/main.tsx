import { render } from 'preact';
import { localizePage } from '../../src/i18n/ui';
import { Root } from '../../src/sidebar/Root';
import '../../src/sidebar/sidebar.css';

localizePage(document);
const root = document.getElementById('app');
if (root) render(<Root />, root);
