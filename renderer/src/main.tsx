import { createRoot } from 'react-dom/client';
import { createClient } from './api/client';

const client = createClient();
const root = createRoot(document.getElementById('root')!);
client.call('workspace.get', {}).then((ws) => {
  root.render(<pre>{ws.target} — {ws.runs.length} runs</pre>);
});
