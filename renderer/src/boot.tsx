// The app proper: loaded by main.tsx once the startup frame has painted.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { useAppStore } from './app/app-store';
import { createClient } from './platform/create-client';
import { setClient } from './platform/client';

setClient(createClient((state) => useAppStore.getState().setConnection(state)));
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
