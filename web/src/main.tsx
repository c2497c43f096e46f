import { render } from 'preact';
import { App } from './app.tsx';
import { loadConfig } from './config.ts';

const root = document.getElementById('app')!;
loadConfig()
  .then((config) => {
    root.textContent = '';
    render(<App config={config} />, root);
  })
  .catch((error: Error) => {
    root.innerHTML = '';
    const message = document.createElement('p');
    message.setAttribute('role', 'alert');
    message.className = 'error';
    message.textContent = error.message;
    root.append(message);
  });
