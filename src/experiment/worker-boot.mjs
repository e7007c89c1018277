// Entry of a scenario worker thread: the project runs TypeScript through tsx, and a worker
// thread does not inherit the parent's loader hooks, so it registers tsx itself (this file
// is plain JavaScript so that Node can start it) and then loads the real worker.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
