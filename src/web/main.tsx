import { createRoot } from 'react-dom/client';
import { AppShell } from './app/app-shell.js';

createRoot(document.getElementById('root')!).render(<AppShell />);
