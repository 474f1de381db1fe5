// Renderer entry: picks the API transport (reading the browser token before the router sees the fragment), then mounts the app.
import '@mantine/core/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createClientForThisWindow } from './api/choose-transport';
import { App } from './app/App';

const client = createClientForThisWindow();
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App client={client} />
  </StrictMode>,
);
