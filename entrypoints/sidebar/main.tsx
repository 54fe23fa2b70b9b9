import { render } from 'preact';
import { Root } from '../../src/sidebar/Root';
import '../../src/sidebar/sidebar.css';

const root = document.getElementById('app');
if (root) render(<Root />, root);
