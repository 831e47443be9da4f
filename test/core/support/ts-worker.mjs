// Runs the TypeScript worker source inside a worker thread (the app runs the built dist/core/worker.js).
import { register } from 'tsx/esm/api';

register();
await import('../../../electron/core/worker.ts');
