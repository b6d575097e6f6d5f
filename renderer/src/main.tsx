// The renderer's entry. index.html's startup frame paints first; the app's modules (react-dom,
// the contract's schemas, the stores) load and run after that paint, not before it.
import './styles/tokens.css';
import './styles/shell.css';

requestAnimationFrame(() => setTimeout(() => void import('./boot')));
