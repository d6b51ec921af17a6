// Runs once when a Trellis server process starts: the background work of this process.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startBackgroundTasks } = await import('./lib/server/background');
  await startBackgroundTasks();
}
